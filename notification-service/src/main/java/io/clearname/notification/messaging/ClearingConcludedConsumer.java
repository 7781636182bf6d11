package io.clearname.notification.messaging;

import io.clearname.events.ClearingConcluded;
import io.clearname.kit.inbox.Inbox;
import io.clearname.notification.service.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Queues the outcome notice of a request; the dispatcher sends it, never this consumer. */
@ApplicationScoped
public class ClearingConcludedConsumer {

    private final Inbox inbox;
    private final NotificationService notifications;

    public ClearingConcludedConsumer(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming(Channels.CLEARING_CONCLUDED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.CLEARING_CONCLUDED,
                record,
                ClearingConcluded.class,
                event -> notifications.onClearingConcluded(event.id(), event.payload()));
    }
}
