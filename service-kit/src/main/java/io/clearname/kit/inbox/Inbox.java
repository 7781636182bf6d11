package io.clearname.kit.inbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearnameEvent;
import io.clearname.kit.messaging.EventReader;
import io.clearname.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
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

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
            ConsumerRecord<String, String> record,
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
}
