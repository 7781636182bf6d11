package io.clearname.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A frozen server answers nothing until thawed; a restarted one keeps its port and what was committed. */
class EmbeddedPostgresServerFaultsTest {
    static EmbeddedPostgresServer postgres;
    static DatabaseCredentials database;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(null, 0, true);
        database = postgres.createServiceDatabase("faults");
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aFrozenServerAnswersNeitherOldNorNewConnectionsUntilThawed() throws Exception {
        try (Connection open = connect()) {
            postgres.freeze();
            CompletableFuture<Integer> onOpen;
            CompletableFuture<Integer> onNew;
            try {
                assertTrue(postgres.isFrozen());
                onOpen = CompletableFuture.supplyAsync(() -> selectOne(open));
                onNew = CompletableFuture.supplyAsync(() -> {
                    try (Connection fresh = connect()) {
                        return selectOne(fresh);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> !onOpen.isDone() && !onNew.isDone());
            } finally {
                postgres.thaw();
            }
            assertFalse(postgres.isFrozen());
            assertEquals(1, onOpen.get(30, TimeUnit.SECONDS));
            assertEquals(1, onNew.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRestartedServerKeepsItsPortAndWhatWasCommitted() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (id int PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (1) ON CONFLICT DO NOTHING");
        }
        Connection before = connect();
        try {
            postgres.stop();
            assertThrows(
                    java.io.IOException.class,
                    () -> new Socket(InetAddress.getLoopbackAddress(), postgres.port()).close());
            postgres.startAgain();

            assertThrows(SQLException.class, () -> selectOneOrThrow(before), "a connection from before the restart");
        } finally {
            before.close();
        }
        try (Connection after = connect();
                Statement statement = after.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static int selectOne(Connection connection) {
        try {
            return selectOneOrThrow(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int selectOneOrThrow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
