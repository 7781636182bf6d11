package io.clearname.verification;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The service's outbox, seen from a test: once an account's rows are gone, every event written for it so far is on
 * its topic (the relay deletes a row only after the broker acknowledged it), so a count read then is final.
 */
final class Outbox {
    private Outbox() {}

    static void awaitDrained(AgroalDataSource db, UUID account) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rowsOf(db, account) == 0);
    }

    private static long rowsOf(AgroalDataSource db, UUID account) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE record_key = ?")) {
            query.setString(1, account.toString());
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
