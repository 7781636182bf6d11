package io.clearname.local.testing;

import io.clearname.events.Topics;
import io.clearname.local.DatabaseCredentials;
import io.clearname.local.DevKeys;
import io.clearname.local.EmbeddedKafkaBroker;
import io.clearname.local.EmbeddedPostgresServer;
import io.clearname.local.SmsGatewayStub;
import io.clearname.local.SmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Internal to the test resources, not an API: starts each server at most once per JVM and publishes where it is in
 * system properties.
 *
 * <p>The servers are started in the application class loader (through {@link #start}) rather than in the class
 * loader of the test resource: Quarkus closes a profile's class loader when the profile ends, and the servers, their
 * threads and the classes they load later must outlive it.
 */
public final class SharedInfra {
    static final String KAFKA_BOOTSTRAP_SERVERS = "clearname.test.kafka.bootstrap-servers";
    static final String DB_URL = "clearname.test.db.url";
    static final String DB_USERNAME = "clearname.test.db.username";
    static final String DB_PASSWORD = "clearname.test.db.password";
    static final String SMTP_PORT = "clearname.test.smtp.port";
    static final String MAILBOX_URL = "clearname.test.mailbox-url";
    static final String SMS_GATEWAY_URL = "clearname.test.sms.gateway-url";
    static final String JWT_PRIVATE_KEY = "clearname.test.jwt.private-key-location";
    static final String JWT_PUBLIC_KEY = "clearname.test.jwt.public-key-location";

    static final int TOPIC_PARTITIONS = 6;

    /** A string literal is interned: the same object in every class loader, so one lock per JVM. */
    private static final String LOCK = "io.clearname.local.testing.SharedInfra.lock";

    private static final Logger LOG = Logger.getLogger(SharedInfra.class.getName());

    private SharedInfra() {}

    /**
     * Starts {@code what} if this JVM has not yet, and answers where it is. Called reflectively from {@link
     * #startShared}.
     *
     * @param what {@code kafka}, {@code postgres}, {@code smtp}, {@code sms} or {@code jwt}
     * @param args {@code database} for {@code postgres}; otherwise empty
     * @return the system properties of that server
     */
    public static Map<String, String> start(String what, Map<String, String> args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka loads configured classes through the context class loader; threads the servers create inherit it.
        thread.setContextClassLoader(SharedInfra.class.getClassLoader());
        try {
            synchronized (LOCK) {
                return switch (what) {
                    case "kafka" -> kafka();
                    case "postgres" -> postgres(args.get("database"));
                    case "smtp" -> smtp();
                    case "sms" -> sms();
                    case "jwt" -> jwt();
                    default -> throw new IllegalArgumentException("unknown server " + what);
                };
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link #start} through the application class loader when it can see this class, else directly. */
    @SuppressWarnings("unchecked")
    static Map<String, String> startShared(String what, Map<String, String> args) {
        Class<?> infra;
        try {
            infra = Class.forName(SharedInfra.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            infra = SharedInfra.class;
        }
        if (infra == SharedInfra.class) {
            return start(what, args);
        }
        try {
            return (Map<String, String>)
                    infra.getMethod("start", String.class, Map.class).invoke(null, what, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + what, e);
        }
    }

    /** A system property set by a started resource, else {@code IllegalStateException} naming the resource. */
    static String required(String property, String resource) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    property + " is not set: is @QuarkusTestResource(" + resource + ".class) on the test?");
        }
        return value;
    }

    private static Map<String, String> kafka() {
        if (System.getProperty(KAFKA_BOOTSTRAP_SERVERS) == null) {
            String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
            String bootstrapServers;
            if (external != null && !external.isBlank()) {
                bootstrapServers = external.strip();
                LOG.info("tests use the Kafka cluster at " + bootstrapServers);
            } else {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
                closeOnExit("kafka", broker::close);
                bootstrapServers = broker.bootstrapServers();
                LOG.info("tests use an embedded Kafka broker at " + bootstrapServers);
            }
            EmbeddedKafkaBroker.createTopics(bootstrapServers, Topics.all(), TOPIC_PARTITIONS);
            System.setProperty(KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return Map.of(KAFKA_BOOTSTRAP_SERVERS, System.getProperty(KAFKA_BOOTSTRAP_SERVERS));
    }

    private static Map<String, String> postgres(String database) {
        if (System.getProperty(DB_URL) == null) {
            String external = System.getenv("TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                System.setProperty(DB_USERNAME, envOr("TEST_DB_USERNAME", "postgres"));
                System.setProperty(DB_PASSWORD, envOr("TEST_DB_PASSWORD", "postgres"));
                System.setProperty(DB_URL, external.strip());
                LOG.info("tests use the PostgreSQL server at " + external.strip());
            } else {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0, false);
                closeOnExit("postgres", server::close);
                System.setProperty(DB_USERNAME, "postgres");
                System.setProperty(DB_PASSWORD, "postgres");
                System.setProperty(DB_URL, server.jdbcUrl("postgres"));
                LOG.info("tests use an embedded PostgreSQL on port " + server.port());
            }
        }
        String url = System.getProperty(DB_URL);
        String username = System.getProperty(DB_USERNAME);
        String password = System.getProperty(DB_PASSWORD);
        if (database == null || database.isBlank()) {
            return Map.of(DB_URL, url, DB_USERNAME, username, DB_PASSWORD, password);
        }
        DatabaseCredentials service = EmbeddedPostgresServer.createServiceDatabase(url, username, password, database);
        return Map.of(DB_URL, service.jdbcUrl(), DB_USERNAME, service.username(), DB_PASSWORD, service.password());
    }

    private static Map<String, String> smtp() {
        if (System.getProperty(MAILBOX_URL) == null) {
            SmtpServer server = SmtpServer.start(0, 0);
            closeOnExit("smtp", server::close);
            System.setProperty(SMTP_PORT, Integer.toString(server.smtpPort()));
            System.setProperty(MAILBOX_URL, server.inspectionUrl());
        }
        return Map.of(SMTP_PORT, System.getProperty(SMTP_PORT), MAILBOX_URL, System.getProperty(MAILBOX_URL));
    }

    private static Map<String, String> sms() {
        if (System.getProperty(SMS_GATEWAY_URL) == null) {
            SmsGatewayStub stub = SmsGatewayStub.start(0);
            closeOnExit("sms gateway stub", stub::close);
            System.setProperty(SMS_GATEWAY_URL, stub.baseUrl());
        }
        return Map.of(SMS_GATEWAY_URL, System.getProperty(SMS_GATEWAY_URL));
    }

    private static Map<String, String> jwt() {
        if (System.getProperty(JWT_PRIVATE_KEY) == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("clearname-jwt-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DevKeys keys = DevKeys.ensure(dir);
            closeOnExit("jwt keys", () -> delete(dir));
            System.setProperty(JWT_PUBLIC_KEY, keys.publicKey().toString());
            System.setProperty(JWT_PRIVATE_KEY, keys.privateKey().toString());
        }
        return Map.of(
                JWT_PUBLIC_KEY,
                System.getProperty(JWT_PUBLIC_KEY),
                JWT_PRIVATE_KEY,
                System.getProperty(JWT_PRIVATE_KEY));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeOnExit(String name, Runnable close) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                close.run();
                            } catch (RuntimeException e) {
                                LOG.log(Level.FINE, "cannot stop " + name, e);
                            }
                        },
                        "clearname-test-" + name.replace(' ', '-') + "-stop"));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + dir, e);
        }
    }
}
