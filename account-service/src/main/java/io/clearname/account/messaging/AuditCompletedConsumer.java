package io.clearname.account.messaging;

import io.clearname.account.service.AuditDecision;
import io.clearname.events.AuditCompleted;
import io.clearname.kit.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class AuditCompletedConsumer {

    private final Inbox inbox;
    private final AuditDecision decision;

    public AuditCompletedConsumer(Inbox inbox, AuditDecision decision) {
        this.inbox = inbox;
        this.decision = decision;
    }

    @Incoming(Channels.AUDIT_COMPLETED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.AUDIT_COMPLETED,
                record,
                AuditCompleted.class,
                event -> decision.onAuditCompleted(event.payload()));
    }
}
