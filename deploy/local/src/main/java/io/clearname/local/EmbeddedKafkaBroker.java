package io.clearname.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka cluster in KRaft mode (one process that is broker and controller) running inside this JVM.
 *
 * <p>Topics are never created automatically ({@code auto.create.topics.enable=false}): create them with {@link
 * #createTopics}. New topics default to 6 partitions, every replication factor is 1. A log directory that was
 * formatted before is reused as it is, so a persistent directory keeps topics and offsets across restarts.
 *
 * <p>Faults for tests: {@link #stop()}, {@link #startAgain()} and {@link #restart()} on the same ports and log
 * directory; {@link #freeze()} and {@link #thaw()} for a broker started {@link #startBehindProxy behind a proxy}.
 *
 * <p>The broker must be the exact version of the {@code kafka-clients} on the class path (see the root pom).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODE_ID = 1;

    private final Properties config;
    private final String bootstrapServers;
    private final Path temporaryDir;
    /** In front of the broker when started {@link #startBehindProxy behind a proxy}, else null. */
    private final FaultProxy proxy;

    private final AtomicBoolean closed = new AtomicBoolean();
    /** The running server; null while {@link #stop() stopped}. Changed under the broker's monitor. */
    private volatile KafkaRaftServer server;

    private EmbeddedKafkaBroker(Properties config, String bootstrapServers, Path temporaryDir, FaultProxy proxy) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.temporaryDir = temporaryDir;
        this.proxy = proxy;
    }

    /**
     * Formats {@code logDir} if it has never been formatted, starts the broker and waits until it answers {@code
     * Admin.describeCluster}.
     *
     * @param logDir where the broker keeps its logs and metadata; {@code null} for a temporary directory deleted on
     *     {@link #close()}
     * @param port the client (PLAINTEXT) port on 127.0.0.1, or 0 for a free one; the controller always gets a free
     *     port
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        return start(logDir, port, false);
    }

    /**
     * Like {@link #start(Path, int)}, but clients reach the broker only through a {@link FaultProxy} on {@code port}
     * (the broker advertises the proxy's port and listens on a free one of its own), so that {@link #freeze()} can
     * stall every client connection. Costs a hop per request: for fault tests, not for benchmarks.
     */
    public static EmbeddedKafkaBroker startBehindProxy(Path logDir, int port) {
        return start(logDir, port, true);
    }

    private static EmbeddedKafkaBroker start(Path logDir, int port, boolean proxied) {
        Path temporaryDir = null;
        FaultProxy proxy = null;
        try {
            if (logDir == null) {
                temporaryDir = Files.createTempDirectory("clearname-kafka-");
                logDir = temporaryDir;
            }
            Files.createDirectories(logDir);
            int clientPort = Ports.orFree(port);
            int controllerPort = Ports.free();
            int brokerPort = proxied ? Ports.free() : clientPort;
            Properties config = proxied
                    ? proxiedConfig(logDir.toAbsolutePath(), brokerPort, clientPort, Ports.free(), controllerPort)
                    : config(logDir.toAbsolutePath(), clientPort, controllerPort);
            formatIfNeeded(logDir, config);
            if (proxied) {
                proxy = FaultProxy.start(
                        "kafka", clientPort, new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort));
            }
            EmbeddedKafkaBroker broker =
                    new EmbeddedKafkaBroker(config, "127.0.0.1:" + clientPort, temporaryDir, proxy);
            try {
                broker.startServer();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.fine(() -> "Kafka broker ready on " + broker.bootstrapServers + ", log dir " + config.get("log.dirs"));
            return broker;
        } catch (IOException e) {
            closeQuietly(proxy);
            deleteQuietly(temporaryDir);
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        } catch (RuntimeException e) {
            closeQuietly(proxy);
            deleteQuietly(temporaryDir);
            throw e;
        }
    }

    /** Starts a server on the configuration and waits until clients (through the proxy, if any) reach it. */
    private synchronized void startServer() {
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException e) {
            stopQuietly(started);
            throw e;
        }
        server = started;
        KafkaAdmin.awaitBroker(bootstrapServers, READY_TIMEOUT);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions and replication factor 1. Topics
     * that exist already are left as they are, whatever their partition count.
     */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(bootstrapServers, names, partitions);
    }

    /**
     * Creates the topics that do not exist yet on any cluster, such as an external broker in tests. Replication factor
     * 1 on a single-broker cluster, otherwise the cluster's default.
     */
    public static void createTopics(String bootstrapServers, Collection<String> names, int partitions) {
        KafkaAdmin.createTopics(bootstrapServers, names, partitions, READY_TIMEOUT);
    }

    /**
     * Stalls every client connection, new ones included, until {@link #thaw()}: nothing is delivered either way,
     * nothing is closed. Only for a broker started {@link #startBehindProxy behind a proxy}.
     */
    /** Whether the broker is behind a proxy that is frozen. */
    public boolean isFrozen() {
        return proxy != null && proxy.frozen();
    }

    public void freeze() {
        proxy().freeze();
    }

    /** Ends a {@link #freeze()}: what waited is delivered and every connection carries on. */
    public void thaw() {
        proxy().thaw();
    }

    /**
     * Stops the broker (a controlled shutdown) and waits until it is down: clients see their connections closed and
     * new ones refused. The log directory and the ports are kept for {@link #startAgain()}. Idempotent.
     */
    public synchronized void stop() {
        requireOpen();
        if (proxy != null) {
            proxy.cut(); // refuse new connections at once, as the broker's own listener would
        }
        KafkaRaftServer running = server;
        server = null;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
        }
        LOG.info("Kafka broker on " + bootstrapServers + " stopped");
    }

    /**
     * Starts the broker {@link #stop() stopped} before, on the same ports and log directory (so with every topic,
     * record and committed offset), and waits until clients reach it. Does nothing while it runs.
     */
    public synchronized void startAgain() {
        requireOpen();
        if (server != null) {
            return;
        }
        if (proxy != null) {
            proxy.restore();
        }
        long begin = System.nanoTime();
        startServer();
        LOG.info(() -> "Kafka broker on " + bootstrapServers + " started again ("
                + (System.nanoTime() - begin) / 1_000_000 + " ms)");
    }

    /** {@link #stop()}, then {@link #startAgain()}. */
    public synchronized void restart() {
        stop();
        startAgain();
    }

    /** Stops the broker and waits until it has shut down. A temporary log directory is deleted. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            closeQuietly(proxy); // also thaws: a frozen client must not hold up its own shutdown
            KafkaRaftServer running = server;
            server = null;
            if (running != null) {
                running.shutdown();
                running.awaitShutdown();
            }
        } finally {
            deleteQuietly(temporaryDir);
        }
    }

    private FaultProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("this broker was not started behind a proxy (startBehindProxy)");
        }
        return proxy;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the broker is closed");
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "cannot close " + part, e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot stop a broker that failed to start", e);
        }
    }

    /**
     * {@link #config}, but clients connect to a proxy on {@code advertisedPort} that forwards to {@code brokerPort},
     * while the broker reaches itself (transaction markers, for one) on a listener of its own that no fault touches.
     */
    private static Properties proxiedConfig(
            Path logDir, int brokerPort, int advertisedPort, int internalPort, int controllerPort) {
        Properties p = config(logDir, brokerPort, controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + brokerPort + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put(
                "advertised.listeners",
                "PLAINTEXT://127.0.0.1:" + advertisedPort + ",INTERNAL://127.0.0.1:" + internalPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "INTERNAL");
        return p;
    }

    private static Properties config(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // Topics are part of the contract (events.Topics): a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "6");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // Sized for a 2-core laptop or CI runner, not for throughput.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }

    private static void formatIfNeeded(Path logDir, Properties config) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path file = Files.createTempFile("clearname-kafka-", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "clearname embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(
                        new String[] {
                            "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"
                        },
                        print);
            }
            String text = output.toString(StandardCharsets.UTF_8).strip();
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed (" + rc + "): " + text);
            }
            LOG.fine(() -> "formatted " + logDir + ": " + text);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "cannot delete " + path, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "cannot delete " + dir, e);
        }
    }
}
