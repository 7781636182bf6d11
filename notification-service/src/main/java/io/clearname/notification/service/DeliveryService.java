package io.clearname.notification.service;

import io.clearname.events.UserNotified;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.ContactSnapshot;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due notices. A batch is claimed, sent and recorded in one transaction: the job's new state and its
 * UserNotified outbox row commit together, and the row locks keep every other dispatcher off these jobs meanwhile.
 *
 * <p>Delivery is at least once: if the transaction cannot commit after a mail went out, the job is still PENDING and
 * is sent again. That is the one way a person can get a notice twice; the other way round, a notice is never lost.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NotificationJobRepository jobs;
    private final ContactSnapshotRepository contacts;
    private final OutboxWriter outbox;
    private final Mailer mailer;
    private final NotificationConfig config;
    private final Clock clock;

    public DeliveryService(
            NotificationJobRepository jobs,
            ContactSnapshotRepository contacts,
            OutboxWriter outbox,
            Mailer mailer,
            NotificationConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.contacts = contacts;
        this.outbox = outbox;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims up to one batch of due jobs whose contact snapshot has arrived and attempts each once. Jobs still waiting
     * for their snapshot (ClearingConcluded overtook ClearRequested) are left alone until it arrives.
     *
     * @return the number of jobs attempted; a full batch means more may be due
     */
    @Transactional
    public int dispatchDue() {
        List<NotificationJob> due =
                jobs.claimDue(Instant.now(clock), config.dispatch().batchSize());
        for (NotificationJob job : due) {
            attempt(job, contacts.findById(job.requestId));
        }
        return due.size();
    }

    private void attempt(NotificationJob job, ContactSnapshot contact) {
        if (!job.accountId.equals(contact.accountId)) {
            // Never send one account's notice to the contact points of another.
            job.attempts++;
            giveUp(job, "CONTACT_ACCOUNT_MISMATCH");
            return;
        }
        if (contact.email == null || contact.email.isBlank()) {
            job.attempts++;
            giveUp(job, "NO_EMAIL_ADDRESS");
            return;
        }
        var email = EmailTemplates.render(job.template, contact.locale, job.requestId);
        try {
            mailer.send(Mail.withText(contact.email, email.subject(), email.body()));
        } catch (RuntimeException e) {
            // The message of a mail exception may quote the address: keep only the class.
            retryLater(job, e.getClass().getSimpleName(), contact);
            return;
        }
        Instant now = Instant.now(clock);
        job.attempts++;
        job.status = JobStatus.DELIVERED;
        job.deliveredAt = now;
        job.lastError = null;
        publish(job, UserNotified.Status.DELIVERED, now);
        LOG.infof(
                "notification %s for request %s delivered by %s to %s after %d attempt(s)",
                job.id, job.requestId, job.channel, Pii.maskEmail(contact.email), job.attempts);
    }

    private void retryLater(NotificationJob job, String error, ContactSnapshot contact) {
        job.attempts++;
        job.lastError = truncate(error);
        if (job.attempts >= config.retry().maxAttempts()) {
            giveUp(job, job.lastError);
            return;
        }
        Duration backoff =
                backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), job.attempts);
        job.nextAttemptAt = Instant.now(clock).plus(backoff);
        LOG.warnf(
                "notification %s for request %s: attempt %d to %s failed (%s), next in %s",
                job.id, job.requestId, job.attempts, Pii.maskEmail(contact.email), error, backoff);
    }

    /** Ends the job as FAILED and tells account-service; there is no point in trying again. */
    private void giveUp(NotificationJob job, String error) {
        Instant now = Instant.now(clock);
        job.status = JobStatus.FAILED;
        job.lastError = truncate(error);
        publish(job, UserNotified.Status.FAILED, now);
        LOG.errorf(
                "notification %s for request %s FAILED after %d attempt(s): %s",
                job.id, job.requestId, job.attempts, job.lastError);
    }

    /** The wait after {@code failedAttempts} failures: {@code initial}, then doubling, at most {@code max}. */
    static Duration backoff(Duration initial, Duration max, int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
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

    private static String truncate(String error) {
        return error.length() > 128 ? error.substring(0, 128) : error;
    }
}
