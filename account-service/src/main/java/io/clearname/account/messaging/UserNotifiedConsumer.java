package io.clearname.account.messaging;

import io.clearname.account.service.ClearingService;
import io.clearname.events.UserNotified;
import io.clearname.kit.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class UserNotifiedConsumer {

    private final Inbox inbox;
    private final ClearingService clearing;

    public UserNotifiedConsumer(Inbox inbox, ClearingService clearing) {
        this.inbox = inbox;
        this.clearing = clearing;
    }

    @Incoming(Channels.USER_NOTIFIED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.USER_NOTIFIED, record, UserNotified.class, event -> clearing.onUserNotified(event.payload()));
    }
}
