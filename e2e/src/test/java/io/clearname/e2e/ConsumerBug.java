package io.clearname.e2e;

import io.clearname.local.DatabaseCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A fault no retry can ride out, as a bad deployment or a wrong grant would cause: the service's own database role
 * loses the right to insert into one of its tables, so every event whose effect writes there fails for a reason that
 * does not pass and is dead-lettered. {@link #fix()} grants it back, after which support re-drives the dead letters.
 */
final class ConsumerBug implements AutoCloseable {

    private final DatabaseCredentials database;
    private final String table;
    private Instant since;
    private Instant fixedAt;

    ConsumerBug(DatabaseCredentials database, String table) {
        this.database = database;
        this.table = table;
    }

    void introduce() {
        execute("REVOKE INSERT ON " + table + " FROM " + database.username());
        since = Instant.now();
    }

    void fix() {
        execute("GRANT INSERT ON " + table + " TO " + database.username());
        fixedAt = Instant.now();
    }

    /** Whether a dead letter recorded at {@code at} may be this bug's doing. */
    boolean mayHaveCaused(Instant at) {
        return since != null && !at.isBefore(since) && (fixedAt == null || !at.isAfter(fixedAt.plusSeconds(5)));
    }

    @Override
    public void close() {
        if (since != null && fixedAt == null) {
            fix();
        }
    }

    /** As the superuser ({@code trust} authentication on the suite's server). */
    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
