package io.clearname.e2e;

import static org.awaitility.Awaitility.await;

import io.clearname.local.DatabaseCredentials;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A digest of every row of every table of the suite's databases, to show that a batch of calls changed nothing; and
 * every stored value, for scans.
 */
final class DatabaseSnapshot {

    /** Tables whose change is the point of a refused call: rate-limit counters count refused attempts too. */
    private static final Set<String> EXPECTED_TO_CHANGE = Set.of("flyway_schema_history", "rate_limit_window");

    private DatabaseSnapshot() {}

    /** {@code database.table} to an md5 of its rows. */
    static Map<String, String> of(Map<String, DatabaseCredentials> databases) {
        var digests = new TreeMap<String, String>();
        databases.forEach((name, credentials) -> {
            try (Connection connection = DriverManager.getConnection(
                    credentials.jdbcUrl(), credentials.username(), credentials.password())) {
                for (String table : tables(connection)) {
                    if (EXPECTED_TO_CHANGE.contains(table)) {
                        continue;
                    }
                    try (var digest = connection
                            .createStatement()
                            .executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                                    + " ORDER BY t::text)), '-') FROM \"" + table + "\" t")) {
                        digest.next();
                        digests.put(name + "." + table, digest.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database " + name, e);
            }
        });
        return digests;
    }

    /**
     * Waits until two digests taken 2 s apart agree, so that work a test set off in the background (relays, consumers,
     * notices, the data key's destruction) is over, and returns that digest.
     */
    static Map<String, String> atRest(Map<String, DatabaseCredentials> databases, Duration atMost) {
        var last = new AtomicReference<Map<String, String>>(Map.of());
        await("databases at rest")
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> last.getAndSet(of(databases)).equals(last.get()));
        return last.get();
    }

    /** One stored value: where it is and its bytes (a {@code bytea} as stored, anything else as UTF-8 text). */
    record Cell(String table, String column, String type, byte[] bytes) {
        @Override
        public String toString() {
            return table + "." + column + " (" + type + ")";
        }
    }

    /**
     * Every non-null value of every column of every table, {@code bytea} read as its bytes rather than through a text
     * cast (which would show it as hex, where no scan for a name finds it).
     */
    static List<Cell> cells(Map<String, DatabaseCredentials> databases) {
        var cells = new ArrayList<Cell>();
        databases.forEach((name, credentials) -> {
            try (Connection connection = DriverManager.getConnection(
                    credentials.jdbcUrl(), credentials.username(), credentials.password())) {
                for (String table : tables(connection)) {
                    try (var result = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                        ResultSetMetaData meta = result.getMetaData();
                        while (result.next()) {
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                String type = meta.getColumnTypeName(i);
                                byte[] bytes = type.equals("bytea") ? result.getBytes(i) : utf8(result.getString(i));
                                if (bytes != null) {
                                    cells.add(new Cell(name + "." + table, meta.getColumnName(i), type, bytes));
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database " + name, e);
            }
        });
        return cells;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var result = connection
                .createStatement()
                .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }
}
