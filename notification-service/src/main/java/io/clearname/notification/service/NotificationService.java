package io.clearname.notification.service;

import io.clearname.events.AppealDecided;
import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingApproved;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ComplaintAnswered;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.MalformedEventException;
import io.clearname.events.ReviewStarted;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.ContactSnapshot;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NoticeKind;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns events into contact snapshots and notification jobs, one per (trigger event, channel). Sending is the {@link
 * DeliveryDispatcher}'s job, outside the consumers' transactions.
 *
 * <p>Events of different topics arrive in any order (docs/event-ordering.md). Every method takes the request's lock,
 * so the consumers see each other's rows; a notice that needs the contact snapshot waits for it (PENDING_CONTACT);
 * each job gets its place in the request's order ({@code sequence_at}), which the dispatcher follows; and a delay,
 * review or approval notice that the request's outcome makes moot is superseded, never sent after the outcome.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final ContactSnapshotRepository contacts;
    private final NotificationJobRepository jobs;
    private final DeliveryDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final NotificationConfig config;
    private final Clock clock;

    public NotificationService(
            ContactSnapshotRepository contacts,
            NotificationJobRepository jobs,
            DeliveryDispatcher dispatcher,
            TransactionSynchronizationRegistry transactions,
            NotificationConfig config,
            Clock clock) {
        this.contacts = contacts;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps where the request's notices go (the first snapshot of a request wins), queues the receipt and releases
     * the notices that arrived before the snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearRequested(String eventId, ClearRequested event) {
        fitting(eventId, 128, "ce_id");
        contacts.lockRequest(event.requestId());
        Instant now = Instant.now(clock);
        // Usually none: only an outcome (or another notice) that overtook this event has queued jobs already.
        List<NotificationJob> earlier = jobs.listByRequest(event.requestId());
        if (contacts.findByIdOptional(event.requestId()).isEmpty()) {
            var contact = event.contact();
            var snapshot = new ContactSnapshot();
            snapshot.requestId = event.requestId();
            snapshot.accountId = event.accountId();
            snapshot.phone = fitting(contact == null ? null : contact.phone(), 32, "contact.phone");
            snapshot.email = fitting(contact == null ? null : contact.email(), 254, "contact.email");
            snapshot.locale = fitting(event.locale(), 16, "locale");
            snapshot.createdAt = now;
            // The outcome may have arrived first: its retention period runs from then.
            snapshot.concludedAt = earlier.stream()
                    .filter(j -> j.kind.concludes())
                    .min(Comparator.comparing(j -> j.createdAt))
                    .map(j -> concludedAt(j, now))
                    .orElse(null);
            contacts.persist(snapshot);
            LOG.debugf(
                    "contact snapshot kept for request %s (email %s, phone %s)",
                    event.requestId(), PiiMasking.maskEmail(snapshot.email), PiiMasking.maskPhone(snapshot.phone));
        } else {
            LOG.debugf("contact snapshot of request %s already kept", event.requestId());
        }
        Instant requestedAt = event.requestedAt() == null ? now : event.requestedAt();
        Instant decisionDue = requestedAt
                .atOffset(ZoneOffset.UTC)
                .plus(config.content().expectedDecisionWithin())
                .toInstant();
        // Whatever arrived first, the receipt goes out first: it also tells someone who did not ask that a clearing
        // was requested on their account.
        queue(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.RECEIPT,
                NoticeData.receipt(requestedAt, decisionDue),
                earlier,
                channel -> requestedAt,
                false);
        int released = 0;
        for (NotificationJob job : earlier) {
            if (job.status == JobStatus.PENDING_CONTACT) {
                job.status = JobStatus.PENDING;
                job.nextAttemptAt = now;
                released++;
            }
        }
        if (released > 0) {
            LOG.infof("%d notice(s) of request %s released: its contact snapshot arrived", released, event.requestId());
        }
    }

    /**
     * Queues the outcome notice on both channels and starts the contact snapshot's retention period. A delay notice
     * not yet on its way is superseded; one a dispatcher holds goes out first, the outcome after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearingConcluded(String eventId, ClearingConcluded event) {
        fitting(eventId, 128, "ce_id");
        if (event.outcome() == null) {
            throw new MalformedEventException("ClearingConcluded " + eventId + " has no outcome");
        }
        contacts.lockRequest(event.requestId());
        Instant concludedAt = event.concludedAt() == null ? Instant.now(clock) : event.concludedAt();
        // Before the jobs are read, so that they are read as the update left them.
        int superseded = jobs.supersedeUnsentMoot(event.requestId());
        if (superseded > 0) {
            LOG.infof(
                    "%d delay, review or approval notice(s) of request %s superseded by its outcome",
                    superseded, event.requestId());
        }
        List<NotificationJob> existing = jobs.listByRequest(event.requestId());
        queue(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.of(event.outcome()),
                NoticeData.concluded(concludedAt, event.reasons(), event.revokedEntitlements(), event.receipt()),
                existing,
                channel -> afterDelaysOnTheirWay(existing, channel, concludedAt),
                false);
        contacts.findByIdOptional(event.requestId())
                .filter(s -> s.concludedAt == null)
                .ifPresent(s -> s.concludedAt = concludedAt);
    }

    /** Queues the acknowledgement of a complaint, worded by its kind (escalation, appeal, complaint). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onComplaintReceived(String eventId, ComplaintReceived event) {
        fitting(eventId, 128, "ce_id");
        contacts.lockRequest(event.requestId());
        // Acknowledged whenever it comes: after the outcome, a complaint is an appeal, and still answered.
        Instant receivedAt = event.receivedAt() == null ? Instant.now(clock) : event.receivedAt();
        queue(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.COMPLAINT_RECEIVED,
                NoticeData.complaintReceived(event.receivedAt(), event.expectedDecisionBy(), event.kind()),
                jobs.listByRequest(event.requestId()),
                channel -> receivedAt,
                false);
    }

    /**
     * Queues the delay notice; once the request has an outcome (its notice queued, sent or waiting for the contact)
     * the delay is moot, and its jobs are kept SUPERSEDED so that the delivery log shows it arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAuditDelayed(String eventId, AuditDelayed event) {
        fitting(eventId, 128, "ce_id");
        queueUnlessConcluded(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.AUDIT_DELAYED,
                NoticeData.auditDelayed(event.expectedDecisionBy()),
                event.delayedAt());
    }

    /**
     * Queues the approval notice (erased at the end of the cooling-off unless withdrawn); superseded, like a delay
     * notice, once the request has an outcome.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearingApproved(String eventId, ClearingApproved event) {
        fitting(eventId, 128, "ce_id");
        if (event.coolingOffEndsAt() == null) {
            throw new MalformedEventException("ClearingApproved " + eventId + " has no coolingOffEndsAt");
        }
        queueUnlessConcluded(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.APPROVED,
                NoticeData.approved(event.approvedAt(), event.coolingOffEndsAt()),
                event.approvedAt());
    }

    /**
     * Queues the notice that a reviewer looks at the request; superseded, like a delay notice, once the request has
     * an outcome.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReviewStarted(String eventId, ReviewStarted event) {
        fitting(eventId, 128, "ce_id");
        queueUnlessConcluded(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.IN_REVIEW,
                NoticeData.inReview(event.startedAt(), event.expectedDecisionBy()),
                event.startedAt());
    }

    /** Queues the answer to a complaint; sent whenever it comes, after the outcome too. The answer is never logged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onComplaintAnswered(String eventId, ComplaintAnswered event) {
        fitting(eventId, 128, "ce_id");
        if (event.answer() == null || event.answer().isBlank()) {
            throw new MalformedEventException("ComplaintAnswered " + eventId + " has no answer");
        }
        if (event.answer().length() > NoticeData.MAX_TEXT_LENGTH) {
            throw new MalformedEventException("ComplaintAnswered " + eventId + ": answer is longer than "
                    + NoticeData.MAX_TEXT_LENGTH + " characters");
        }
        contacts.lockRequest(event.requestId());
        Instant answeredAt = event.answeredAt() == null ? Instant.now(clock) : event.answeredAt();
        queue(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.COMPLAINT_ANSWERED,
                NoticeData.complaintAnswered(answeredAt, event.answer()),
                jobs.listByRequest(event.requestId()),
                channel -> answeredAt,
                false);
    }

    /** Queues the final decision of an appeal; sent whenever it comes (an appeal follows the outcome). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAppealDecided(String eventId, AppealDecided event) {
        fitting(eventId, 128, "ce_id");
        if (event.outcome() == null) {
            throw new MalformedEventException("AppealDecided " + eventId + " has no outcome");
        }
        contacts.lockRequest(event.requestId());
        Instant decidedAt = event.decidedAt() == null ? Instant.now(clock) : event.decidedAt();
        // A window belongs to OVERTURNED only; one sent with UPHELD would promise what the decision does not.
        Instant window = event.outcome() == AppealDecided.Outcome.OVERTURNED ? event.newRequestWindowEndsAt() : null;
        queue(
                eventId,
                event.requestId(),
                event.accountId(),
                NoticeKind.APPEAL_DECIDED,
                NoticeData.appealDecided(
                        decidedAt, event.outcome().name(), event.reasons(), event.userMessage(), window),
                jobs.listByRequest(event.requestId()),
                channel -> decidedAt,
                false);
    }

    /**
     * Queues a notice that the request's outcome makes moot ({@link NoticeKind#mootOnceConcluded}); once the request
     * has an outcome (its notice queued, sent or waiting for the contact) its jobs are kept SUPERSEDED, so that the
     * delivery log shows it arrived.
     */
    private void queueUnlessConcluded(
            String eventId, UUID requestId, UUID accountId, NoticeKind kind, NoticeData data, Instant happenedAt) {
        contacts.lockRequest(requestId);
        Instant at = happenedAt == null ? Instant.now(clock) : happenedAt;
        List<NotificationJob> existing = jobs.listByRequest(requestId);
        boolean concluded = existing.stream().anyMatch(j -> j.kind.concludes());
        if (concluded) {
            LOG.infof("%s notice of request %s arrived after its outcome; it is superseded", kind, requestId);
        }
        queue(eventId, requestId, accountId, kind, data, existing, channel -> at, concluded);
    }

    /**
     * Queues the notice on each channel, due now, or waiting for the contact snapshot, at its place in the request's
     * order; or, when {@code superseded}, only records it. The caller holds the request's lock and passes the
     * request's jobs. One job per triggering event and channel: the inbox skips a redelivered event, this method one
     * already queued, and the unique key (trigger_event_id, channel) refuses any other.
     */
    private void queue(
            String eventId,
            UUID requestId,
            UUID accountId,
            NoticeKind kind,
            NoticeData data,
            List<NotificationJob> existing,
            Function<Channel, Instant> sequenceAt,
            boolean superseded) {
        Instant now = Instant.now(clock);
        boolean contactKnown = contacts.findByIdOptional(requestId).isPresent();
        String json = data.toJson();
        for (Channel channel : Channel.values()) {
            if (existing.stream().anyMatch(j -> eventId.equals(j.triggerEventId) && j.channel == channel)) {
                LOG.debugf("%s notice for event %s already queued", channel, eventId);
                continue;
            }
            var job = new NotificationJob();
            job.id = UUID.randomUUID();
            job.requestId = requestId;
            job.accountId = accountId;
            job.triggerEventId = eventId;
            job.channel = channel;
            job.kind = kind;
            job.data = json;
            job.status =
                    superseded ? JobStatus.SUPERSEDED : contactKnown ? JobStatus.PENDING : JobStatus.PENDING_CONTACT;
            job.attempts = 0;
            job.nextAttemptAt = now;
            job.createdAt = now;
            job.sequenceAt = sequenceAt.apply(channel);
            jobs.persist(job);
            LOG.debugf(
                    "notification %s queued for request %s: %s by %s, %s",
                    job.id, requestId, kind, channel, job.status);
        }
        if (!superseded) {
            wakeDispatcherAfterCommit();
        }
    }

    /**
     * Where an outcome notice goes on a channel: at its conclusion time, but after a delay, review or approval notice
     * that a dispatcher already holds there (the others were superseded), so that none reaches the person after the
     * outcome.
     */
    private static Instant afterDelaysOnTheirWay(List<NotificationJob> existing, Channel channel, Instant concludedAt) {
        return existing.stream()
                .filter(j -> j.kind.mootOnceConcluded() && j.channel == channel && j.status.open())
                .map(j -> j.sequenceAt == null ? j.createdAt : j.sequenceAt)
                .map(at -> at.plus(1, ChronoUnit.MICROS))
                .filter(at -> at.isAfter(concludedAt))
                .max(Comparator.naturalOrder())
                .orElse(concludedAt);
    }

    private void wakeDispatcherAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    for (Channel channel : Channel.values()) {
                        dispatcher.wakeUp(channel);
                    }
                }
            }
        });
    }

    private static Instant concludedAt(NotificationJob conclusion, Instant fallback) {
        Instant at = NoticeData.fromJson(conclusion.data).concludedAt();
        return at != null ? at : conclusion.createdAt != null ? conclusion.createdAt : fallback;
    }

    /** A value too long for its column is a malformed event (dead-letter topic), not a database error to retry. */
    private static String fitting(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new MalformedEventException(field + " is longer than " + max + " characters");
        }
        return value;
    }
}
