package io.clearname.notification.messaging;

import io.clearname.events.AppealDecided;
import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingApproved;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ComplaintAnswered;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.ReviewStarted;
import io.clearname.kit.inbox.Inbox;
import io.clearname.notification.service.NotificationService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events notification-service consumes: each keeps a contact snapshot or queues notices; the dispatcher sends
 * them, never a consumer. Each channel receives a poll's records at once ({@code batch=true}); the inbox applies them
 * in one transaction, skips redeliveries and dead-letters a record that cannot be applied.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final NotificationService notifications;

    public EventConsumers(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    /** Keeps where a request's notices go and queues its receipt. */
    @Incoming(Channels.CLEAR_REQUESTED)
    @Blocking
    public void onClearRequested(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.CLEAR_REQUESTED,
                records,
                ClearRequested.class,
                event -> notifications.onClearRequested(event.id(), event.payload()));
    }

    /** Queues the outcome notice of a request. */
    @Incoming(Channels.CLEARING_CONCLUDED)
    @Blocking
    public void onClearingConcluded(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.CLEARING_CONCLUDED,
                records,
                ClearingConcluded.class,
                event -> notifications.onClearingConcluded(event.id(), event.payload()));
    }

    /** Queues the notice that a complaint was received, worded by its kind. */
    @Incoming(Channels.COMPLAINT_RECEIVED)
    @Blocking
    public void onComplaintReceived(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.COMPLAINT_RECEIVED,
                records,
                ComplaintReceived.class,
                event -> notifications.onComplaintReceived(event.id(), event.payload()));
    }

    /** Queues the notice that an audit missed its due date and was escalated. */
    @Incoming(Channels.AUDIT_DELAYED)
    @Blocking
    public void onAuditDelayed(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.AUDIT_DELAYED,
                records,
                AuditDelayed.class,
                event -> notifications.onAuditDelayed(event.id(), event.payload()));
    }

    /** Queues the notice that the request was approved and when it is erased unless withdrawn. */
    @Incoming(Channels.CLEARING_APPROVED)
    @Blocking
    public void onClearingApproved(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.CLEARING_APPROVED,
                records,
                ClearingApproved.class,
                event -> notifications.onClearingApproved(event.id(), event.payload()));
    }

    /** Queues the notice that a reviewer looks at the request. */
    @Incoming(Channels.REVIEW_STARTED)
    @Blocking
    public void onReviewStarted(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.REVIEW_STARTED,
                records,
                ReviewStarted.class,
                event -> notifications.onReviewStarted(event.id(), event.payload()));
    }

    /** Queues the answer to a complaint. */
    @Incoming(Channels.COMPLAINT_ANSWERED)
    @Blocking
    public void onComplaintAnswered(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.COMPLAINT_ANSWERED,
                records,
                ComplaintAnswered.class,
                event -> notifications.onComplaintAnswered(event.id(), event.payload()));
    }

    /** Queues the final decision of an appeal. */
    @Incoming(Channels.APPEAL_DECIDED)
    @Blocking
    public void onAppealDecided(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.APPEAL_DECIDED,
                records,
                AppealDecided.class,
                event -> notifications.onAppealDecided(event.id(), event.payload()));
    }
}
