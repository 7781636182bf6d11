package io.clearname.verification.messaging;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.kit.inbox.Inbox;
import io.clearname.verification.service.AuditService;
import io.clearname.verification.service.ClearingConclusions;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events verification-service consumes. Each channel receives a poll's records at once ({@code batch=true}); the
 * inbox applies them in one transaction, skips redeliveries and dead-letters a record that cannot be applied.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final AuditService audits;
    private final ClearingConclusions conclusions;

    public EventConsumers(Inbox inbox, AuditService audits, ClearingConclusions conclusions) {
        this.inbox = inbox;
        this.audits = audits;
        this.conclusions = conclusions;
    }

    @Incoming(Channels.CLEAR_REQUESTED)
    @Blocking
    public void onClearRequested(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.CLEAR_REQUESTED,
                records,
                ClearRequested.class,
                event -> audits.onClearRequested(event.payload()));
    }

    @Incoming(Channels.CLEARING_CONCLUDED)
    @Blocking
    public void onClearingConcluded(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                Channels.CLEARING_CONCLUDED,
                records,
                ClearingConcluded.class,
                event -> conclusions.onClearingConcluded(event.payload()));
    }
}
