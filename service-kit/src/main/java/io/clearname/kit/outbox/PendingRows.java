package io.clearname.kit.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The relay's two statements on {@code outbox_event}: lock a batch of pending rows, delete them once published. */
final class PendingRows {

    /** The advisory-lock key space of the ordering buckets (the bucket number is the second key). */
    private static final int LOCK_SPACE = 0x0C1EA2;

    private PendingRows() {}

    /**
     * The oldest pending rows of the buckets this transaction could lock. A bucket another instance holds is skipped,
     * never waited for. The lock function runs once per bucket, in a materialized step of its own.
     */
    static List<OutboxRow> lock(Connection connection, int batchSize) throws SQLException {
        try (var query = connection.prepareStatement("""
                WITH locked AS MATERIALIZED (
                    SELECT bucket FROM (SELECT DISTINCT ordering_bucket AS bucket FROM outbox_event) pending
                    WHERE pg_try_advisory_xact_lock(?, bucket))
                SELECT id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload
                FROM outbox_event WHERE ordering_bucket IN (SELECT bucket FROM locked)
                ORDER BY seq LIMIT ?
                """)) {
            query.setInt(1, LOCK_SPACE);
            query.setInt(2, batchSize);
            try (var result = query.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new OutboxRow(
                            result.getObject(1, UUID.class),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getTimestamp(7).toInstant(),
                            result.getString(8)));
                }
                return rows;
            }
        }
    }

    static void delete(Connection connection, List<UUID> ids) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        }
    }
}
