package io.clearname.kit;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.kit.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as services write them: the inbox guards a non-idempotent effect. */
@ApplicationScoped
public class TestEffects {

    static final String CHANNEL = "kit-test-in";

    private final Inbox inbox;
    private final AgroalDataSource dataSource;

    public TestEffects(Inbox inbox, AgroalDataSource dataSource) {
        this.inbox = inbox;
        this.dataSource = dataSource;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(
                CHANNEL,
                records,
                ClearRequested.class,
                event -> insert(event.id(), event.payload().requestId()));
    }

    private void insert(String eventId, UUID requestId) {
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO kit_test_effect (event_id, request_id) VALUES (?, ?)")) {
            insert.setString(1, eventId);
            insert.setObject(2, requestId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the first effect applied for {@code requestId}: effects are numbered in the order they commit. */
    public long firstEffectOf(UUID requestId) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT min(id) FROM kit_test_effect WHERE request_id = ?")) {
            query.setObject(1, requestId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int effectsFor(UUID requestId) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT count(*) FROM kit_test_effect WHERE request_id = ?")) {
            query.setObject(1, requestId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
