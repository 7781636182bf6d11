package io.clearname.notification.messaging;

import io.clearname.events.AuditDelayed;
import io.clearname.kit.inbox.Inbox;
import io.clearname.notification.service.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Queues the notice that an audit missed its due date and was escalated. */
@ApplicationScoped
public class AuditDelayedConsumer {

    private final Inbox inbox;
    private final NotificationService notifications;

    public AuditDelayedConsumer(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming(Channels.AUDIT_DELAYED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.AUDIT_DELAYED,
                record,
                AuditDelayed.class,
                event -> notifications.onAuditDelayed(event.id(), event.payload()));
    }
}
