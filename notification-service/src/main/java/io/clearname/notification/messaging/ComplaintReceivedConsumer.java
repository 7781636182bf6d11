package io.clearname.notification.messaging;

import io.clearname.events.ComplaintReceived;
import io.clearname.kit.inbox.Inbox;
import io.clearname.notification.service.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Queues the notice that a complaint was received and its case escalated. */
@ApplicationScoped
public class ComplaintReceivedConsumer {

    private final Inbox inbox;
    private final NotificationService notifications;

    public ComplaintReceivedConsumer(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming(Channels.COMPLAINT_RECEIVED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.COMPLAINT_RECEIVED,
                record,
                ComplaintReceived.class,
                event -> notifications.onComplaintReceived(event.id(), event.payload()));
    }
}
