package io.clearname.notification.messaging;

import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ComplaintReceived;
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

    /** Queues the notice that a complaint was received and its case escalated. */
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
}
