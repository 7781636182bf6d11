package io.clearname.notification.service;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The claiming half of a delivery: lock due jobs, count each attempt, mark it SENDING under a lease, write the attempt
 * row and render the notice; or settle a job that cannot be sent.
 */
@ApplicationScoped
class DeliveryClaims {

    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);

    private final NotificationJobRepository jobs;
    private final DeliveryAttemptRepository attempts;
    private final ContactSnapshotRepository contacts;
    private final NoticeRenderer renderer;
    private final JobEndings endings;
    private final NotificationConfig config;

    DeliveryClaims(
            NotificationJobRepository jobs,
            DeliveryAttemptRepository attempts,
            ContactSnapshotRepository contacts,
            NoticeRenderer renderer,
            JobEndings endings,
            NotificationConfig config) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.contacts = contacts;
        this.renderer = renderer;
        this.endings = endings;
        this.config = config;
    }

    /** Locks up to {@code limit} of the channel's most overdue jobs and claims each; inside the caller's transaction. */
    DeliveryService.Claimed claim(Channel channel, int limit, Instant now) {
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
        return new DeliveryService.Claimed(sends, settled, due.size());
    }

    /** One locked, due job: a dispatch to send, or null when the job was settled without a send. */
    private Dispatch claim(NotificationJob job, ContactSnapshot contact, Instant now) {
        Channel channel = job.channel;
        if (job.status == JobStatus.SENDING) {
            endings.finishAttempt(job, DeliveryAttempt.Outcome.ABANDONED, null, "LEASE_EXPIRED", now);
            LOG.warnf(
                    "notification %s: the lease of attempt %d expired without an answer; trying again",
                    job.id, job.attempts);
            if (job.attempts >= config.retry().maxAttempts()) {
                endings.giveUp(job, "LEASE_EXPIRED", now);
                return null;
            }
        } else if (job.attempts >= config.retry().maxAttempts()) {
            // Only a last attempt whose outcome is unknown leaves a job PENDING with no attempt left: its hold passed
            // without an answer. It may have arrived; nothing says so.
            endings.giveUp(job, "OUTCOME_UNKNOWN", now);
            return null;
        }
        if (contact == null) {
            // Deleted after the request concluded; a late trigger waits like one that came before its contact.
            job.status = JobStatus.PENDING_CONTACT;
            return null;
        }
        if (!job.accountId.equals(contact.accountId)) {
            // Never send one account's notice to the contact points of another.
            endings.giveUp(job, "CONTACT_ACCOUNT_MISMATCH", now);
            return null;
        }
        String to = channel == Channel.SMS ? contact.phone : contact.email;
        if (to == null || to.isBlank()) {
            endings.giveUp(job, channel == Channel.SMS ? "NO_PHONE_NUMBER" : "NO_EMAIL_ADDRESS", now);
            return null;
        }
        String language = Languages.of(contact.locale);
        Dispatch dispatch;
        try {
            dispatch = render(job, job.attempts + 1, to.strip(), language);
        } catch (RuntimeException e) {
            LOG.errorf(e, "notification %s: %s could not be rendered in %s", job.id, job.kind, language);
            endings.giveUp(job, "RENDERING_FAILED", now);
            return null;
        }
        job.status = JobStatus.SENDING;
        job.attempts = dispatch.attempt();
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
        return dispatch;
    }

    private Dispatch render(NotificationJob job, int attempt, String to, String language) {
        NoticeModel model = renderer.model(job.requestId, job.id, NoticeData.fromJson(job.data), language);
        boolean sms = job.channel == Channel.SMS;
        return new Dispatch(
                job.id,
                attempt,
                job.requestId,
                job.accountId,
                job.triggerEventId,
                job.kind,
                job.channel,
                to,
                sms ? PiiMasking.maskPhone(to) : PiiMasking.maskEmail(to),
                sms
                        ? NoticeKeys.idempotencyKey(job.triggerEventId, Channel.SMS)
                        : NoticeKeys.messageId(job.triggerEventId, config.mail().messageIdDomain()),
                sms ? null : renderer.email(job.kind, language, model),
                sms ? renderer.sms(job.kind, language, model) : null);
    }
}
