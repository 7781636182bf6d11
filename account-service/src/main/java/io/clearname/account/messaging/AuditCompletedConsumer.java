package io.clearname.account.messaging;

import io.clearname.account.service.ClearingService;
import io.clearname.events.AuditCompleted;
import io.clearname.kit.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class AuditCompletedConsumer {

    private final Inbox inbox;
    private final ClearingService clearing;

    public AuditCompletedConsumer(Inbox inbox, ClearingService clearing) {
        this.inbox = inbox;
        this.clearing = clearing;
    }

    @Incoming(Channels.AUDIT_COMPLETED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.AUDIT_COMPLETED,
                record,
                AuditCompleted.class,
                event -> clearing.onAuditCompleted(event.payload()));
    }
}
