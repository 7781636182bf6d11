package io.clearname.notification.service;

import io.clearname.events.UserNotified;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.ContactSnapshot;
import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.repository.DeliveryAttemptRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
 * The database side of sending notices, in short transactions around the network calls, so that no row lock or
 * connection is held while a gateway or SMTP server takes its time. Both sides work on batches, so that a burst costs
 * a few transactions, not two per notice:
 *
 * <ol>
 *   <li>{@link #claim}: lock a channel's most overdue jobs ({@code FOR UPDATE SKIP LOCKED}), count each attempt, mark
 *       each SENDING with a lease, write the attempt rows, render the notices;
 *   <li>the dispatcher sends them, several at a time;
 *   <li>{@link #record}: store the answers: DELIVERED, a retry with backoff, or FAILED; publish UserNotified through
 *       the outbox when a job ends.
 * </ol>
 *
 * A dispatcher that dies between 1 and 3 leaves the job SENDING; when the lease expires any instance claims it again,
 * and the attempt is marked ABANDONED. The SMS gateway absorbs the repeated send by its idempotency key; for email it is
 * the one way to send a notice twice, with the same {@code Message-ID}.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    /**
     * What {@link #claim} took: the notices to send, and the due jobs that ended without a send (e.g. no contact point
     * on their channel, or the last attempt's lease expired), by status.
     *
     * @param due how many due jobs were locked; fewer than asked for means none is left for now
     */
    public record Claimed(List<Dispatch> sends, List<JobStatus> settled, int due) {}

    /** An attempt's answer, to record. */
    public record Answer(Dispatch dispatch, SendResult result) {}

    /** How an attempt's answer was recorded. */
    public enum Recorded {
        DELIVERED,
        RETRY,
        FAILED,
        /** The job's lease had expired and another dispatcher claimed it meanwhile: this answer changes nothing. */
        STALE
    }

    private final NotificationJobRepository jobs;
    private final DeliveryAttemptRepository attempts;
    private final ContactSnapshotRepository contacts;
    private final NoticeRenderer renderer;
    private final OutboxWriter outbox;
    private final NotificationConfig config;
    private final Clock clock;

    public DeliveryService(
            NotificationJobRepository jobs,
            DeliveryAttemptRepository attempts,
            ContactSnapshotRepository contacts,
            NoticeRenderer renderer,
            OutboxWriter outbox,
            NotificationConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.contacts = contacts;
        this.renderer = renderer;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Claims up to {@code limit} of the channel's most overdue jobs, each for one attempt under a lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed claim(Channel channel, int limit) {
        Instant now = Instant.now(clock);
        List<NotificationJob> due = jobs.claimDue(channel, now, limit);
        Map<UUID, ContactSnapshot> contactsByRequest = contacts.findByRequests(
                due.stream().map(j -> j.requestId).distinct().toList());
        List<Dispatch> sends = new ArrayList<>(due.size());
        List<JobStatus> settled = new ArrayList<>();
        for (NotificationJob job : due) {
            Dispatch dispatch = claim(job, contactsByRequest.get(job.requestId), now);
            if (dispatch != null) {
                sends.add(dispatch);
            } else {
                settled.add(job.status);
            }
        }
        return new Claimed(sends, settled, due.size());
    }

    /** One locked, due job: a dispatch to send, or null when the job was settled without a send. */
    private Dispatch claim(NotificationJob job, ContactSnapshot contact, Instant now) {
        Channel channel = job.channel;
        if (job.status == JobStatus.SENDING) {
            finishAttempt(job, DeliveryAttempt.Outcome.ABANDONED, null, "LEASE_EXPIRED", now);
            LOG.warnf(
                    "notification %s: the lease of attempt %d expired without an answer; trying again",
                    job.id, job.attempts);
            if (job.attempts >= config.retry().maxAttempts()) {
                giveUp(job, "LEASE_EXPIRED", now);
                return null;
            }
        }
        if (contact == null) {
            // Deleted after the request concluded; a late trigger waits like one that came before its contact.
            job.status = JobStatus.PENDING_CONTACT;
            return null;
        }
        if (!job.accountId.equals(contact.accountId)) {
            // Never send one account's notice to the contact points of another.
            giveUp(job, "CONTACT_ACCOUNT_MISMATCH", now);
            return null;
        }
        String to = channel == Channel.SMS ? contact.phone : contact.email;
        if (to == null || to.isBlank()) {
            giveUp(job, channel == Channel.SMS ? "NO_PHONE_NUMBER" : "NO_EMAIL_ADDRESS", now);
            return null;
        }
        String language = Languages.of(contact.locale);
        Dispatch dispatch;
        try {
            dispatch = render(job, to.strip(), language);
        } catch (RuntimeException e) {
            LOG.errorf(e, "notification %s: %s could not be rendered in %s", job.id, job.kind, language);
            giveUp(job, "RENDERING_FAILED", now);
            return null;
        }
        job.status = JobStatus.SENDING;
        job.attempts++;
        job.nextAttemptAt = now.plus(config.dispatch().lease());
        job.lastAttemptAt = now;
        job.locale = language;
        job.destination = dispatch.maskedTo();
        job.segments = dispatch.sms() == null ? null : dispatch.sms().count().segments();
        var attempt = new DeliveryAttempt();
        attempt.id = new DeliveryAttempt.Key(job.id, job.attempts);
        attempt.startedAt = now;
        attempt.outcome = DeliveryAttempt.Outcome.IN_FLIGHT;
        attempts.persist(attempt);
        return new Dispatch(
                job.id,
                job.attempts,
                job.requestId,
                job.kind,
                job.channel,
                dispatch.to(),
                dispatch.maskedTo(),
                dispatch.idempotencyKey(),
                dispatch.email(),
                dispatch.sms());
    }

    /** Records the answer to a claimed attempt, unless the job was claimed again meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(Dispatch dispatch, SendResult result) {
        return record(List.of(new Answer(dispatch, result))).get(0);
    }

    /** Records the answers to claimed attempts in one transaction; each result is in the order of {@code answers}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Recorded> record(List<Answer> answers) {
        Instant now = Instant.now(clock);
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
            job.providerMessageId = truncate(delivered.providerMessageId());
            finishAttempt(job, DeliveryAttempt.Outcome.DELIVERED, null, null, now);
            publish(job, UserNotified.Status.DELIVERED, now);
            LOG.infof(
                    "%s notice of request %s delivered by %s to %s after %d attempt(s) (notification %s)",
                    job.kind, job.requestId, job.channel, job.destination, job.attempts, job.id);
            return Recorded.DELIVERED;
        }
        if (result instanceof SendResult.Transient failure
                && job.attempts < config.retry().maxAttempts()) {
            Duration wait = wait(job.attempts, failure.retryAfter());
            job.status = JobStatus.PENDING;
            job.nextAttemptAt = now.plus(wait);
            job.lastError = truncate(failure.error());
            finishAttempt(job, DeliveryAttempt.Outcome.RETRY, failure.replyCode(), failure.error(), now);
            LOG.warnf(
                    "notification %s (%s by %s, request %s): attempt %d failed (%s), next in %d ms",
                    job.id, job.kind, job.channel, job.requestId, job.attempts, job.lastError, wait.toMillis());
            return Recorded.RETRY;
        }
        // A permanent failure, or the last attempt failed.
        Integer replyCode =
                result instanceof SendResult.Transient t ? t.replyCode() : ((SendResult.Permanent) result).replyCode();
        String error = result instanceof SendResult.Transient t ? t.error() : ((SendResult.Permanent) result).error();
        finishAttempt(job, DeliveryAttempt.Outcome.FAILED, replyCode, error, now);
        giveUp(job, error, now);
        return Recorded.FAILED;
    }

    /**
     * Makes due the jobs whose contact snapshot exists but that still wait for it (a safety net), and gives up the jobs
     * that waited longer than {@code notification.contact-wait}.
     *
     * @return the jobs given up, by channel, for the metrics
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Channel> sweepWaiting() {
        Instant now = Instant.now(clock);
        int released = jobs.releaseWaitingWithContact(now);
        if (released > 0) {
            LOG.infof("%d notice(s) released: their contact snapshot had arrived", released);
        }
        List<NotificationJob> expired = jobs.claimWaitingSince(now.minus(config.contactWait()), 100);
        for (NotificationJob job : expired) {
            giveUp(job, "NO_CONTACT_SNAPSHOT", now);
        }
        return expired.stream().map(j -> j.channel).toList();
    }

    private Dispatch render(NotificationJob job, String to, String language) {
        NoticeModel model = renderer.model(job.requestId, job.id, NoticeData.fromJson(job.data), language);
        if (job.channel == Channel.SMS) {
            return new Dispatch(
                    job.id,
                    job.attempts,
                    job.requestId,
                    job.kind,
                    job.channel,
                    to,
                    PiiMasking.maskPhone(to),
                    NoticeKeys.idempotencyKey(job.triggerEventId, Channel.SMS),
                    null,
                    renderer.sms(job.kind, language, model));
        }
        return new Dispatch(
                job.id,
                job.attempts,
                job.requestId,
                job.kind,
                job.channel,
                to,
                PiiMasking.maskEmail(to),
                NoticeKeys.messageId(job.triggerEventId, config.mail().messageIdDomain()),
                renderer.email(job.kind, language, model),
                null);
    }

    /** Ends the job as FAILED and tells account-service; there is no point in trying again. */
    private void giveUp(NotificationJob job, String error, Instant now) {
        job.status = JobStatus.FAILED;
        job.failedAt = now;
        job.lastError = truncate(error);
        publish(job, UserNotified.Status.FAILED, now);
        LOG.errorf(
                "%s notice of request %s FAILED by %s after %d attempt(s): %s (notification %s)",
                job.kind, job.requestId, job.channel, job.attempts, job.lastError, job.id);
    }

    private void finishAttempt(
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

    private void publish(NotificationJob job, UserNotified.Status status, Instant at) {
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

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 128 ? text.substring(0, 128) : text;
    }
}
