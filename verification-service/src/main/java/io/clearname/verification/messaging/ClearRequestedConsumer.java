package io.clearname.verification.messaging;

import io.clearname.events.ClearRequested;
import io.clearname.kit.inbox.Inbox;
import io.clearname.verification.service.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ClearRequestedConsumer {

    private final Inbox inbox;
    private final AuditService audits;

    public ClearRequestedConsumer(Inbox inbox, AuditService audits) {
        this.inbox = inbox;
        this.audits = audits;
    }

    @Incoming(Channels.CLEAR_REQUESTED)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(
                Channels.CLEAR_REQUESTED,
                record,
                ClearRequested.class,
                event -> audits.onClearRequested(event.payload()));
    }
}
