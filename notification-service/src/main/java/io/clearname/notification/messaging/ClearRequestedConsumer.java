package io.clearname.notification.messaging;

import io.clearname.events.ClearRequested;
import io.clearname.kit.inbox.Inbox;
import io.clearname.notification.service.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps where a request's notices go and queues its receipt; the dispatcher sends it, never this consumer. */
@ApplicationScoped
public class ClearRequestedConsumer {

    private final Inbox inbox;
    private final NotificationService notifications;

    public ClearRequestedConsumer(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming(Channels.CLEAR_REQUESTED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.CLEAR_REQUESTED,
                record,
                ClearRequested.class,
                event -> notifications.onClearRequested(event.id(), event.payload()));
    }
}
