package io.clearname.notification.service;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.MalformedEventException;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.ContactSnapshot;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.entity.Template;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import io.clearname.notification.rest.DeliveryLogView;
import io.clearname.notification.rest.NotificationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns events into notification jobs and contact snapshots, and answers the delivery log. Sending is the
 * {@link DeliveryService}'s job, outside the consumers' transactions.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final ContactSnapshotRepository contacts;
    private final NotificationJobRepository jobs;
    private final Clock clock;

    public NotificationService(ContactSnapshotRepository contacts, NotificationJobRepository jobs, Clock clock) {
        this.contacts = contacts;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Keeps where the request's notices go. The first snapshot of a request wins; a repeat changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearRequested(ClearRequested event) {
        if (contacts.findByIdOptional(event.requestId()).isPresent()) {
            LOG.debugf("contact snapshot of request %s already kept", event.requestId());
            return;
        }
        var contact = event.contact();
        var snapshot = new ContactSnapshot();
        snapshot.requestId = event.requestId();
        snapshot.accountId = event.accountId();
        snapshot.phone = fitting(contact == null ? null : contact.phone(), 32, "contact.phone");
        snapshot.email = fitting(contact == null ? null : contact.email(), 254, "contact.email");
        snapshot.locale = fitting(event.locale(), 16, "locale");
        snapshot.createdAt = Instant.now(clock);
        contacts.persist(snapshot);
        LOG.infof(
                "contact snapshot kept for request %s (email %s, phone %s)",
                event.requestId(), Pii.maskEmail(snapshot.email), Pii.maskPhone(snapshot.phone));
    }

    /**
     * Queues the outcome notice by email, due now. At most one job per triggering event and channel: the inbox skips
     * a redelivered event, and the unique key (trigger_event_id, channel) holds even without it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearingConcluded(String eventId, ClearingConcluded event) {
        fitting(eventId, 128, "ce_id");
        if (event.outcome() == null) {
            throw new MalformedEventException("ClearingConcluded " + eventId + " has no outcome");
        }
        if (jobs.findByTrigger(eventId, Channel.EMAIL).isPresent()) {
            LOG.debugf("notice for event %s already queued", eventId);
            return;
        }
        Instant now = Instant.now(clock);
        var job = new NotificationJob();
        job.id = UUID.randomUUID();
        job.requestId = event.requestId();
        job.accountId = event.accountId();
        job.triggerEventId = eventId;
        job.channel = Channel.EMAIL;
        job.template = Template.of(event.outcome());
        job.status = JobStatus.PENDING;
        job.attempts = 0;
        job.nextAttemptAt = now;
        job.createdAt = now;
        jobs.persist(job);
        LOG.infof("notification %s queued for request %s: %s by %s", job.id, job.requestId, job.template, job.channel);
    }

    @Transactional
    public List<NotificationView> listMine(UUID accountId) {
        return jobs.listByAccount(accountId).stream()
                .map(j -> new NotificationView(
                        j.id, j.requestId, j.channel, j.template, j.status, j.attempts, j.createdAt, j.deliveredAt))
                .toList();
    }

    @Transactional
    public List<DeliveryLogView> listForRequest(UUID requestId) {
        return jobs.listByRequest(requestId).stream()
                .map(j -> new DeliveryLogView(
                        j.id,
                        j.requestId,
                        j.accountId,
                        j.triggerEventId,
                        j.channel,
                        j.template,
                        j.status,
                        j.attempts,
                        j.nextAttemptAt,
                        j.lastError,
                        j.createdAt,
                        j.deliveredAt))
                .toList();
    }

    /** A value too long for its column is a malformed event (dead-letter topic), not a database error to retry. */
    private static String fitting(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new MalformedEventException(field + " is longer than " + max + " characters");
        }
        return value;
    }
}
