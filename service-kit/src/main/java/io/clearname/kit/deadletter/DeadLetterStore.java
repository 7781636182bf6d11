package io.clearname.kit.deadletter;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code dead_letter} table: one row per record a consumer gave up on, whatever became of it since. */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = """
            id, consumer, source_topic, source_partition, source_offset, dead_letter_topic, dead_letter_partition,
            dead_letter_offset, event_id, ce_type, ce_subject, record_key, reason, exception_class, payload_bytes,
            payload_fields, dead_lettered_at, state, resolved_at, resolved_by, note""";

    private final AgroalDataSource dataSource;

    public DeadLetterStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a dead letter, unless this consumer's record at that position was recorded before (a redelivery). */
    void record(DeadLetterEntry e) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        INSERT INTO dead_letter (id, consumer, source_topic, source_partition, source_offset,
                            dead_letter_topic, dead_letter_partition, dead_letter_offset, event_id, ce_type, ce_subject,
                            record_key, reason, exception_class, payload_bytes, payload_fields)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (consumer, source_topic, source_partition, source_offset) DO NOTHING
                        """)) {
            int i = 0;
            insert.setObject(++i, e.id());
            insert.setString(++i, e.consumer());
            insert.setString(++i, e.sourceTopic());
            insert.setInt(++i, e.sourcePartition());
            insert.setLong(++i, e.sourceOffset());
            insert.setString(++i, e.deadLetterTopic());
            insert.setInt(++i, e.deadLetterPartition());
            insert.setLong(++i, e.deadLetterOffset());
            insert.setString(++i, e.eventId());
            insert.setString(++i, e.ceType());
            insert.setString(++i, e.ceSubject());
            insert.setString(++i, e.recordKey());
            insert.setString(++i, e.reason());
            insert.setString(++i, e.exceptionClass());
            insert.setInt(++i, e.payloadBytes());
            insert.setArray(
                    ++i, connection.createArrayOf("text", e.payloadFields().toArray()));
            insert.executeUpdate();
        }
    }

    /** Dead letters oldest first, of one state and optionally one consumer. */
    public List<DeadLetter> list(DeadLetter.State state, Optional<String> consumer, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM dead_letter WHERE state = ? AND (?::text IS NULL OR consumer = ?)"
                        + " ORDER BY dead_lettered_at, id LIMIT ?")) {
            query.setString(1, state.name());
            query.setString(2, consumer.orElse(null));
            query.setString(3, consumer.orElse(null));
            query.setInt(4, limit);
            return read(query.executeQuery());
        }
    }

    public Optional<DeadLetter> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")) {
            query.setObject(1, id);
            return read(query.executeQuery()).stream().findFirst();
        }
    }

    /** The row, locked until the connection's transaction ends, so that one support action at a time resolves it. */
    Optional<DeadLetter> lock(Connection connection, UUID id) throws SQLException {
        try (var query =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ? FOR UPDATE")) {
            query.setObject(1, id);
            return read(query.executeQuery()).stream().findFirst();
        }
    }

    void resolve(Connection connection, UUID id, DeadLetter.State state, String by, String note) throws SQLException {
        try (var update = connection.prepareStatement(
                "UPDATE dead_letter SET state = ?, resolved_at = now(), resolved_by = ?, note = ? WHERE id = ?")) {
            update.setString(1, state.name());
            update.setString(2, by);
            update.setString(3, note);
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    /** Per consumer with open dead letters: how many, and since when the oldest waits. */
    public Map<String, OpenLetters> open() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("""
                        SELECT consumer, count(*), min(dead_lettered_at) FROM dead_letter
                        WHERE state = 'OPEN' GROUP BY consumer
                        """);
                var rows = query.executeQuery()) {
            Map<String, OpenLetters> open = new LinkedHashMap<>();
            while (rows.next()) {
                open.put(
                        rows.getString(1),
                        new OpenLetters(rows.getLong(2), rows.getTimestamp(3).toInstant()));
            }
            return open;
        }
    }

    /** The open dead letters of one consumer. */
    public record OpenLetters(long count, Instant oldest) {}

    private static List<DeadLetter> read(ResultSet rows) throws SQLException {
        try (rows) {
            List<DeadLetter> letters = new ArrayList<>();
            while (rows.next()) {
                java.sql.Array fields = rows.getArray("payload_fields");
                letters.add(new DeadLetter(
                        rows.getObject("id", UUID.class),
                        rows.getString("consumer"),
                        rows.getString("source_topic"),
                        rows.getInt("source_partition"),
                        rows.getLong("source_offset"),
                        rows.getString("dead_letter_topic"),
                        rows.getInt("dead_letter_partition"),
                        rows.getLong("dead_letter_offset"),
                        rows.getString("event_id"),
                        rows.getString("ce_type"),
                        rows.getString("ce_subject"),
                        rows.getString("record_key"),
                        rows.getString("reason"),
                        rows.getString("exception_class"),
                        rows.getInt("payload_bytes"),
                        fields == null ? List.of() : Arrays.asList((String[]) fields.getArray()),
                        instant(rows.getTimestamp("dead_lettered_at")),
                        DeadLetter.State.valueOf(rows.getString("state")),
                        instant(rows.getTimestamp("resolved_at")),
                        rows.getString("resolved_by"),
                        rows.getString("note")));
            }
            return letters;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
