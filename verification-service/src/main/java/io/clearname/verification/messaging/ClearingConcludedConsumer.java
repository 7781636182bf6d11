package io.clearname.verification.messaging;

import io.clearname.events.ClearingConcluded;
import io.clearname.kit.inbox.Inbox;
import io.clearname.verification.service.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ClearingConcludedConsumer {

    private final Inbox inbox;
    private final AuditService audits;

    public ClearingConcludedConsumer(Inbox inbox, AuditService audits) {
        this.inbox = inbox;
        this.audits = audits;
    }

    @Incoming(Channels.CLEARING_CONCLUDED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.CLEARING_CONCLUDED,
                record,
                ClearingConcluded.class,
                event -> audits.onClearingConcluded(event.payload()));
    }
}
