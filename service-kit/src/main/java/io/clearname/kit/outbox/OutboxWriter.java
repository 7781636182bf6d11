package io.clearname.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events to the outbox inside the caller's business transaction. The event is published by the
 * {@link OutboxRelay} only if that transaction commits; a rollback leaves nothing to publish. Services never call a
 * Kafka emitter inside a business transaction.
 */
@ApplicationScoped
public class OutboxWriter {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxWriter(
            AgroalDataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            OutboxConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Appends {@code event} to the outbox of the current transaction, keyed by its account id, with its request id as
     * CloudEvents subject.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(ClearnameEvent event) {
        EventType type = EventType.of(event.getClass());
        UUID id = UUID.randomUUID();
        String key = event.accountId().toString();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        INSERT INTO outbox_event
                            (id, topic, record_key, ordering_bucket, ce_type, ce_source, ce_subject, ce_time, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            insert.setObject(1, id);
            insert.setString(2, type.topic());
            insert.setString(3, key);
            insert.setInt(4, OutboxRelay.bucketOf(key, config.relay().buckets()));
            insert.setString(5, type.ceType());
            insert.setString(6, config.source());
            insert.setString(
                    7, event.requestId() == null ? null : event.requestId().toString());
            insert.setTimestamp(8, Timestamp.from(Instant.now(clock)));
            insert.setString(9, EventJson.write(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox write failed for " + type.ceType(), e);
        }
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
