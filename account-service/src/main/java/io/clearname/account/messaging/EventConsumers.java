package io.clearname.account.messaging;

import io.clearname.account.service.AuditDecision;
import io.clearname.account.service.RequestTimeline;
import io.clearname.events.AuditCompleted;
import io.clearname.events.UserNotified;
import io.clearname.kit.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events account-service consumes. Each channel receives a poll's records at once ({@code batch=true}); the inbox
 * applies them in one transaction, skips redeliveries and dead-letters a record that cannot be applied.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final AuditDecision decision;
    private final RequestTimeline timeline;

    public EventConsumers(Inbox inbox, AuditDecision decision, RequestTimeline timeline) {
        this.inbox = inbox;
        this.decision = decision;
        this.timeline = timeline;
    }

    @Incoming(Channels.AUDIT_COMPLETED)
    @Blocking
    public void onAuditCompleted(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.AUDIT_COMPLETED,
                records,
                AuditCompleted.class,
                event -> decision.onAuditCompleted(event.payload()));
    }

    @Incoming(Channels.USER_NOTIFIED)
    @Blocking
    public void onUserNotified(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.USER_NOTIFIED, records, UserNotified.class, event -> timeline.onUserNotified(event.payload()));
    }
}
