package io.clearname.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.kit.inbox.InboxPurge;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The inbox forgets applied events after {@code clearname.inbox.retention} (30 days), and only then. */
@QuarkusTest
class InboxPurgeTest {

    @Inject
    InboxPurge purge;

    @Inject
    AgroalDataSource database;

    @Test
    void idsOlderThanTheRetentionArePurgedInBatchesAndYoungerOnesStay() {
        String consumer = "purge-test-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<String> expired = insert(consumer, now.minus(Duration.ofDays(31)), 5);
        List<String> kept = new ArrayList<>(insert(consumer, now.minus(Duration.ofDays(29)), 2));
        kept.addAll(insert(consumer, now, 1));

        // 5 expired rows and batches of 2 (test configuration): only a purge that goes on after a full batch gets all.
        purge.purgeExpired();

        assertThat(remaining(consumer))
                .containsExactlyInAnyOrderElementsOf(kept)
                .doesNotContainAnyElementsOf(expired);
    }

    @Test
    void instancesPurgingAtOnceNeitherFailNorLeaveExpiredIds() throws Exception {
        String consumer = "purge-test-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(consumer, now.minus(Duration.ofDays(40)), 20);
        List<String> kept = insert(consumer, now.minus(Duration.ofDays(1)), 3);

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return purge.purgeExpired();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(remaining(consumer)).containsExactlyInAnyOrderElementsOf(kept);
    }

    private List<String> insert(String consumer, Instant processedAt, int count) {
        List<String> ids = new ArrayList<>();
        try (var connection = database.getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO inbox_event (consumer, event_id, ce_type, processed_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, consumer);
                insert.setString(2, id);
                insert.setString(3, "clearname.ClearRequested.v1");
                insert.setTimestamp(4, Timestamp.from(processedAt));
                insert.executeUpdate();
                ids.add(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private List<String> remaining(String consumer) {
        try (var connection = database.getConnection();
                var select = connection.prepareStatement("SELECT event_id FROM inbox_event WHERE consumer = ?")) {
            select.setString(1, consumer);
            List<String> ids = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
