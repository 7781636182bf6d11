package io.clearname.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
 * <p>The broker must be the exact version of the {@code kafka-clients} on the class path (see the root pom).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path temporaryDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.temporaryDir = temporaryDir;
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
        Path temporaryDir = null;
        try {
            if (logDir == null) {
                temporaryDir = Files.createTempDirectory("clearname-kafka-");
                logDir = temporaryDir;
            }
            Files.createDirectories(logDir);
            int brokerPort = Ports.orFree(port);
            int controllerPort = Ports.free();
            Properties config = config(logDir.toAbsolutePath(), brokerPort, controllerPort);
            formatIfNeeded(logDir, config);

            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                stopQuietly(server);
                throw e;
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "127.0.0.1:" + brokerPort, temporaryDir);
            try {
                KafkaAdmin.awaitBroker(broker.bootstrapServers, READY_TIMEOUT);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.fine(() -> "Kafka broker ready on " + broker.bootstrapServers + ", log dir " + config.get("log.dirs"));
            return broker;
        } catch (IOException e) {
            deleteQuietly(temporaryDir);
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        } catch (RuntimeException e) {
            deleteQuietly(temporaryDir);
            throw e;
        }
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

    /** Stops the broker and waits until it has shut down. A temporary log directory is deleted. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteQuietly(temporaryDir);
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
