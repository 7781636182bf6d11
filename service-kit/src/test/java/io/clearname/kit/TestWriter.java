package io.clearname.kit;

import io.clearname.events.ClearnameEvent;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A business transaction that emits an event, and one that fails after emitting it. */
@ApplicationScoped
public class TestWriter {

    private final OutboxWriter outbox;

    public TestWriter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void commit(ClearnameEvent event) {
        outbox.append(event);
    }

    @Transactional
    public void failAfterAppending(ClearnameEvent event) {
        outbox.append(event);
        throw new IllegalStateException("business rule failed after the event was written");
    }
}
