package io.clearname.notification.service;

import io.clearname.events.UserNotified;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.DeliveryAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** How a job's attempt ends and how a job ends for good: the attempt row, FAILED, and the UserNotified it publishes. */
@ApplicationScoped
class JobEndings {

    private static final Logger LOG = Logger.getLogger(JobEndings.class);

    private final DeliveryAttemptRepository attempts;
    private final OutboxWriter outbox;

    JobEndings(DeliveryAttemptRepository attempts, OutboxWriter outbox) {
        this.attempts = attempts;
        this.outbox = outbox;
    }

    /** Ends the job as FAILED and tells account-service; there is no point in trying again. */
    void giveUp(NotificationJob job, String error, Instant now) {
        job.status = JobStatus.FAILED;
        job.failedAt = now;
        job.lastError = truncate(error);
        publish(job, UserNotified.Status.FAILED, now);
        LOG.errorf(
                "%s notice of request %s FAILED by %s after %d attempt(s): %s (notification %s)",
                job.kind, job.requestId, job.channel, job.attempts, job.lastError, job.id);
    }

    void finishAttempt(
            NotificationJob job, DeliveryAttempt.Outcome outcome, Integer replyCode, String error, Instant now) {
        DeliveryAttempt attempt = attempts.findById(new DeliveryAttempt.Key(job.id, job.attempts));
        if (attempt == null) {
            return;
        }
        attempt.outcome = outcome;
        attempt.finishedAt = now;
        attempt.replyCode = replyCode;
        attempt.error = truncate(error);
    }

    /** Publishes how the job of a dispatch ended. */
    void publish(Dispatch dispatch, UserNotified.Status status, Instant at) {
        outbox.append(new UserNotified(
                dispatch.jobId(),
                dispatch.requestId(),
                dispatch.accountId(),
                dispatch.triggerEventId(),
                UserNotified.Channel.valueOf(dispatch.channel().name()),
                status,
                dispatch.attempt(),
                at));
    }

    void publish(NotificationJob job, UserNotified.Status status, Instant at) {
        outbox.append(new UserNotified(
                job.id,
                job.requestId,
                job.accountId,
                job.triggerEventId,
                UserNotified.Channel.valueOf(job.channel.name()),
                status,
                job.attempts,
                at));
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 128 ? text.substring(0, 128) : text;
    }
}
