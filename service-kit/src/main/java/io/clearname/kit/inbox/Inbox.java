package io.clearname.kit.inbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.MalformedEventException;
import io.clearname.kit.deadletter.DeadLetters;
import io.clearname.kit.messaging.EventReader;
import io.clearname.kit.messaging.IncomingEvent;
import io.clearname.kit.messaging.ProcessingDeferredException;
import io.clearname.kit.messaging.TransientRetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The consumer side of exactly-once effects. The event id is recorded in the consumer's own transaction, together
 * with the effect: a redelivered event finds its id and is skipped; two instances racing on the same event serialize
 * on the primary key and the second one skips.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final AgroalDataSource dataSource;
    private final DeadLetters deadLetters;
    private final Instance<EntityManager> entityManager;
    private final TransientRetry retry;

    public Inbox(
            AgroalDataSource dataSource,
            DeadLetters deadLetters,
            Instance<EntityManager> entityManager,
            TransientRetry retry) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.entityManager = entityManager;
        this.retry = retry;
    }

    /**
     * Applies a batch of records of one channel, in their order: all of them in one transaction, which is what makes a
     * burst cheap. Returns once every record is applied, skipped as a duplicate or dead-lettered, so the batch's
     * offsets can be committed.
     *
     * <p>What happens when the transaction fails depends on why ({@link TransientRetry}):
     *
     * <ul>
     *   <li>A failure that passes (the database unreachable or restarting, a deadlock, a serialization failure, a lock
     *       timeout) is retried with backoff, in order, for as long as it lasts. A valid event is never dead-lettered
     *       because the infrastructure failed.
     *   <li>Any other failure means a record of the batch cannot be processed: each record is applied again in a
     *       transaction of its own (still retrying failures that pass), and a record that fails on its own goes to the
     *       channel's dead-letter topic ({@link DeadLetters}) while the others are applied.
     *   <li>When the service stops during a retry, {@link ProcessingDeferredException} escapes: the channel's {@code
     *       fail} strategy leaves the offsets uncommitted and the records come again.
     * </ul>
     *
     * <p>Use it from a consumer method of a channel with {@code batch=true}, outside any transaction:
     *
     * <pre>
     * &#64;Incoming(CHANNEL) &#64;Blocking
     * public void on(ConsumerRecords&lt;String, byte[]&gt; records) {
     *     inbox.processBatch(CHANNEL, records, AuditCompleted.class, e -> decision.onAuditCompleted(e.payload()));
     * }
     * </pre>
     *
     * @param effect runs inside the batch's transaction ({@code @Transactional(MANDATORY)} services fit)
     */
    public <T extends ClearnameEvent> void processBatch(
            String consumer,
            Iterable<ConsumerRecord<String, byte[]>> batch,
            Class<T> payloadType,
            Consumer<IncomingEvent<T>> effect) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        batch.forEach(records::add);
        if (records.isEmpty()) {
            return;
        }
        try {
            retry.untilDone(consumer, "batch of " + records.size(), () -> {
                QuarkusTransaction.requiringNew().run(() -> applyAll(consumer, records, payloadType, effect));
                return null;
            });
            return;
        } catch (ProcessingDeferredException deferred) {
            throw deferred;
        } catch (RuntimeException batchFailure) {
            if (records.size() > 1) {
                LOG.debugf(
                        "%s: a batch of %d failed (%s); applying its records one by one",
                        consumer, records.size(), batchFailure.getClass().getSimpleName());
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                retry.untilDone(consumer, "record " + record.partition() + "@" + record.offset(), () -> {
                    QuarkusTransaction.requiringNew().run(() -> process(consumer, record, payloadType, effect));
                    return null;
                });
            } catch (ProcessingDeferredException deferred) {
                throw deferred;
            } catch (RuntimeException failure) {
                deadLetters.send(consumer, record, rootOf(failure));
            }
        }
    }

    private <T extends ClearnameEvent> void applyAll(
            String consumer,
            List<ConsumerRecord<String, byte[]>> records,
            Class<T> payloadType,
            Consumer<IncomingEvent<T>> effect) {
        List<IncomingEvent<T>> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(EventReader.read(record, payloadType));
        }
        Set<String> firstDeliveries = recordFirstDeliveries(consumer, events);
        for (IncomingEvent<T> event : events) {
            // remove: a second copy of an event within the batch is a duplicate too
            if (firstDeliveries.remove(event.id())) {
                effect.accept(event);
                endOfRecord();
            } else {
                LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            }
        }
    }

    /**
     * Writes a record's changes and forgets its entities before the next record of the batch: each record then works
     * on a persistence context of its own size, instead of every query dirty-checking all the batch's entities before
     * it. The next record reads what this one wrote from the database, as in a transaction of its own.
     */
    private void endOfRecord() {
        if (entityManager.isResolvable()) {
            EntityManager em = entityManager.get();
            em.flush();
            em.clear();
        }
    }

    /**
     * Reads the record as an event of {@code payloadType} and applies {@code effect} unless {@code consumer} has
     * applied this event before. Must run inside the caller's transaction. A record that is not a valid event throws
     * {@link io.clearname.events.MalformedEventException}, which sends it to the dead-letter topic.
     *
     * @return whether the effect was applied (false for a duplicate)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends ClearnameEvent> boolean process(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            Class<T> payloadType,
            Consumer<IncomingEvent<T>> effect) {
        IncomingEvent<T> event = EventReader.read(record, payloadType);
        if (!recordFirstDelivery(consumer, event.id(), event.type())) {
            LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            return false;
        }
        effect.accept(event);
        return true;
    }

    /**
     * Records that {@code consumer} applies event {@code eventId} in the current transaction.
     *
     * @return false when it was recorded before: the event is a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, String eventId, String ceType) {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO inbox_event (consumer, event_id, ce_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, ceType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox write failed", e);
        }
    }

    /**
     * Records the events of a batch in the current transaction, in one statement.
     *
     * @return the ids not recorded before: those to apply
     */
    private Set<String> recordFirstDeliveries(String consumer, List<? extends IncomingEvent<?>> events) {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        INSERT INTO inbox_event (consumer, event_id, ce_type)
                        SELECT ?, e.id, e.type FROM unnest(?::text[], ?::text[]) AS e(id, type)
                        ON CONFLICT DO NOTHING
                        RETURNING event_id
                        """)) {
            insert.setString(1, consumer);
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "text", events.stream().map(IncomingEvent::id).toArray()));
            insert.setArray(
                    3,
                    connection.createArrayOf(
                            "text", events.stream().map(IncomingEvent::type).toArray()));
            Set<String> recorded = new HashSet<>();
            try (var rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox write failed", e);
        }
    }

    /** A malformed event anywhere in the chain, else the exception the effect threw rather than its wrapper. */
    private static Throwable rootOf(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return t;
            }
        }
        return failure instanceof QuarkusTransactionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }
}
