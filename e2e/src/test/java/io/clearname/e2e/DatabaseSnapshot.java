package io.clearname.e2e;

import io.clearname.local.DatabaseCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A digest of every row of every table of the suite's databases, to show that a batch of calls changed nothing. */
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

    /** Every row of every table as text, for scans; {@code database.table} to its rows. */
    static Map<String, List<String>> rows(Map<String, DatabaseCredentials> databases) {
        var all = new TreeMap<String, List<String>>();
        databases.forEach((name, credentials) -> {
            try (Connection connection = DriverManager.getConnection(
                    credentials.jdbcUrl(), credentials.username(), credentials.password())) {
                for (String table : tables(connection)) {
                    var rows = new ArrayList<String>();
                    try (var result =
                            connection.createStatement().executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                    all.put(name + "." + table, rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database " + name, e);
            }
        });
        return all;
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
