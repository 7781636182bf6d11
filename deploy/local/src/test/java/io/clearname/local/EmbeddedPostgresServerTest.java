package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {
    static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(null, 0, false);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsServiceDatabaseIdempotently() throws SQLException {
        DatabaseCredentials first = postgres.createServiceDatabase("orders");
        DatabaseCredentials second = postgres.createServiceDatabase("orders");

        assertEquals(first, second);
        assertEquals("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/orders", first.jdbcUrl());
        assertEquals("orders", first.username());
        assertEquals("orders", first.password());
    }

    @Test
    void serviceRoleOwnsItsDatabase() throws SQLException {
        DatabaseCredentials credentials = postgres.createServiceDatabase("ledger");

        try (Connection connection = DriverManager.getConnection(
                        credentials.jdbcUrl(), credentials.username(), credentials.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id bigint PRIMARY KEY, note text)");
            statement.execute("INSERT INTO entry VALUES (1, 'first')");
            try (ResultSet rows =
                    statement.executeQuery("SELECT current_user, current_database(), count(*) FROM entry")) {
                rows.next();
                assertEquals("ledger", rows.getString(1));
                assertEquals("ledger", rows.getString(2));
                assertEquals(1, rows.getInt(3));
            }
        }
    }

    @Test
    void testServerTradesDurabilityForSpeed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            assertEquals("off", show(statement, "fsync"));
            assertEquals("off", show(statement, "synchronous_commit"));
        }
    }

    @Test
    void replacesTheDatabaseInAJdbcUrl() {
        assertEquals(
                "jdbc:postgresql://db:5432/account?ssl=true",
                EmbeddedPostgresServer.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true", "account"));
        assertEquals(
                "jdbc:postgresql://db/account", EmbeddedPostgresServer.withDatabase("jdbc:postgresql://db", "account"));
    }

    static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
