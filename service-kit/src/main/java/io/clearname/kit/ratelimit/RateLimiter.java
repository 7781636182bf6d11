package io.clearname.kit.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Window counters in the service's database, so every instance sees the same count; a window starts at the first call
 * after the previous window ended. A hit commits in a transaction of its own: a request that is later refused or
 * rolled back still counts.
 */
@ApplicationScoped
public class RateLimiter {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public RateLimiter(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Counts one hit; throws {@link RateLimitedException} with the time until the window ends when over the limit. */
    public void hit(String subject, String action, int limit, Duration window) {
        Instant now = Instant.now(clock);
        Window current = QuarkusTransaction.requiringNew().call(() -> increment(subject, action, now, window));
        if (current.hits() > limit) {
            throw new RateLimitedException(
                    action, limit, window, Duration.between(now, current.start().plus(window)));
        }
    }

    /** Deletes windows that ended before {@code before}; returns how many. */
    @Transactional
    public int purgeBefore(Instant before) {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement("DELETE FROM rate_limit_window WHERE window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge rate-limit windows", e);
        }
    }

    private Window increment(String subject, String action, Instant now, Duration window) throws SQLException {
        String sql = """
                INSERT INTO rate_limit_window AS w (subject, action, window_start, hits) VALUES (?, ?, ?, 1)
                ON CONFLICT (subject, action) DO UPDATE SET
                    window_start = CASE WHEN w.window_start <= ? THEN excluded.window_start ELSE w.window_start END,
                    hits = CASE WHEN w.window_start <= ? THEN 1 ELSE w.hits + 1 END
                RETURNING window_start, hits""";
        Timestamp ended = Timestamp.from(now.minus(window));
        try (var connection = dataSource.getConnection();
                var upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, subject);
            upsert.setString(2, action);
            upsert.setTimestamp(3, Timestamp.from(now));
            upsert.setTimestamp(4, ended);
            upsert.setTimestamp(5, ended);
            try (var result = upsert.executeQuery()) {
                result.next();
                return new Window(result.getTimestamp(1).toInstant(), result.getInt(2));
            }
        }
    }

    private record Window(Instant start, int hits) {}
}
