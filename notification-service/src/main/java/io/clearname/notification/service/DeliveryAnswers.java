package io.clearname.notification.service;

import io.clearname.events.UserNotified;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.DeliveryAttemptRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import io.clearname.notification.service.DeliveryService.Answer;
import io.clearname.notification.service.DeliveryService.Recorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * The answering half of a delivery: store what a send came back with, DELIVERED, a retry with backoff, or FAILED, and
 * publish UserNotified when the job ends. An answer to an attempt whose lease expired (the job was claimed again)
 * changes nothing.
 */
@ApplicationScoped
class DeliveryAnswers {

    private static final Logger LOG = Logger.getLogger(DeliveryAnswers.class);

    private final NotificationJobRepository jobs;
    private final DeliveryAttemptRepository attempts;
    private final JobEndings endings;
    private final NotificationConfig config;

    DeliveryAnswers(
            NotificationJobRepository jobs,
            DeliveryAttemptRepository attempts,
            JobEndings endings,
            NotificationConfig config) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.endings = endings;
        this.config = config;
    }

    /** Records the answers inside the caller's transaction; each result is in the order of {@code answers}. */
    List<Recorded> record(List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return List.of();
        }
        Map<UUID, NotificationJob> locked =
                jobs.lockByIds(answers.stream().map(a -> a.dispatch().jobId()).toList());
        // One query loads the attempts into the session, where finishAttempt finds them.
        attempts.listByJobs(locked.keySet());
        List<Recorded> recorded = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            recorded.add(record(locked.get(answer.dispatch().jobId()), answer.dispatch(), answer.result(), now));
        }
        return recorded;
    }

    private Recorded record(NotificationJob job, Dispatch dispatch, SendResult result, Instant now) {
        if (job == null || job.status != JobStatus.SENDING || job.attempts != dispatch.attempt()) {
            LOG.warnf(
                    "notification %s: answer to attempt %d came after its lease expired; ignored (%s)",
                    dispatch.jobId(), dispatch.attempt(), result.getClass().getSimpleName());
            return Recorded.STALE;
        }
        if (result instanceof SendResult.Delivered delivered) {
            job.status = JobStatus.DELIVERED;
            job.deliveredAt = now;
            job.lastError = null;
            job.providerMessageId = JobEndings.truncate(delivered.providerMessageId());
            endings.finishAttempt(job, DeliveryAttempt.Outcome.DELIVERED, null, null, now);
            endings.publish(job, UserNotified.Status.DELIVERED, now);
            LOG.debugf(
                    "%s notice of request %s delivered by %s to %s after %d attempt(s) (notification %s)",
                    job.kind, job.requestId, job.channel, job.destination, job.attempts, job.id);
            return Recorded.DELIVERED;
        }
        if (result instanceof SendResult.Transient failure
                && job.attempts < config.retry().maxAttempts()) {
            Duration wait = wait(job.attempts, failure.retryAfter());
            job.status = JobStatus.PENDING;
            job.nextAttemptAt = now.plus(wait);
            job.lastError = JobEndings.truncate(failure.error());
            endings.finishAttempt(job, DeliveryAttempt.Outcome.RETRY, failure.replyCode(), failure.error(), now);
            LOG.warnf(
                    "notification %s (%s by %s, request %s): attempt %d failed (%s), next in %d ms",
                    job.id, job.kind, job.channel, job.requestId, job.attempts, job.lastError, wait.toMillis());
            return Recorded.RETRY;
        }
        // A permanent failure, or the last attempt failed.
        Integer replyCode =
                result instanceof SendResult.Transient t ? t.replyCode() : ((SendResult.Permanent) result).replyCode();
        String error = result instanceof SendResult.Transient t ? t.error() : ((SendResult.Permanent) result).error();
        endings.finishAttempt(job, DeliveryAttempt.Outcome.FAILED, replyCode, error, now);
        endings.giveUp(job, error, now);
        return Recorded.FAILED;
    }

    private Duration wait(int failedAttempts, Duration retryAfter) {
        var retry = config.retry();
        Duration wait = backoff(
                retry.initialBackoff(),
                retry.maxBackoff(),
                retry.jitter(),
                failedAttempts,
                ThreadLocalRandom.current()::nextDouble);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            // The gateway knows best when it can take more; never longer than the longest backoff.
            wait = retryAfter.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : retryAfter;
        }
        return wait;
    }

    /**
     * The wait after {@code failedAttempts} failures: {@code initial × 2^(failedAttempts-1)}, at most {@code max}, then
     * varied by up to ±{@code jitter} of itself.
     *
     * @param random uniform in [0, 1)
     */
    static Duration backoff(Duration initial, Duration max, double jitter, int failedAttempts, DoubleSupplier random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration base = initial.multipliedBy(1L << doublings);
        if (base.compareTo(max) > 0 || base.isNegative()) {
            base = max;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
    }
}
