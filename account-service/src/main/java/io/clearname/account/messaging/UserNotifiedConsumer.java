package io.clearname.account.messaging;

import io.clearname.account.service.RequestTimeline;
import io.clearname.events.UserNotified;
import io.clearname.kit.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class UserNotifiedConsumer {

    private final Inbox inbox;
    private final RequestTimeline timeline;

    public UserNotifiedConsumer(Inbox inbox, RequestTimeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @Incoming(Channels.USER_NOTIFIED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.USER_NOTIFIED, record, UserNotified.class, event -> timeline.onUserNotified(event.payload()));
    }
}
