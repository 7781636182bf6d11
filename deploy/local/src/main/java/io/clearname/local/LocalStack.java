package io.clearname.local;

import io.clearname.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack behind {@code ./clearname up}, in one JVM: PostgreSQL (durable, one database per service), a Kafka
 * broker with every topic of {@link Topics#all()}, an SMTP server, the SMS gateway stub and the development JWT keys.
 *
 * <p>State lives in one directory (default {@code .clearname}): {@code pgdata/}, {@code kafka/}, {@code keys/} (the JWT
 * keys and the services' secrets, {@link DevSecrets}), and while the stack runs {@code stack.env} (how to reach
 * everything and the services' secrets, {@code KEY=VALUE} lines) and {@code stack.pid}.
 * The last line printed on start is exactly {@value #READY_LINE}. SIGTERM or SIGINT stops the SMS stub, SMTP, Kafka
 * and PostgreSQL in that order, removes {@code stack.env} and {@code stack.pid}, and prints {@value #STOPPED_LINE}.
 * Stop the services before the stack: a consumer whose broker died first waits out its session timeout on restart.
 *
 * <p>{@link LocalStackCli} runs it from the command line. A port 0 picks a free port; {@code stack.env} has the ports
 * actually used.
 */
public final class LocalStack implements AutoCloseable {
    /** Printed once everything is up and {@code stack.env} is written. */
    public static final String READY_LINE = "clearname stack ready";

    /** Printed once everything is stopped. */
    public static final String STOPPED_LINE = "stack stopped";

    /**
     * The databases created on start, one per service plus account-service's key store (its data keys, apart from the
     * ciphertext); each has a role of the same name (password = name).
     */
    public static final List<String> SERVICE_DATABASES =
            List.of("account", "account_keys", "verification", "notification");

    private static final int TOPIC_PARTITIONS = 6;

    private final Options options;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final StackFiles files;
    private final StackParts parts;
    /** Whether stack.env and stack.pid were written; set under the lock of {@link #parts}. */
    private volatile boolean published;

    /** Where state lives and the ports to listen on; a port may be 0 (a free port). */
    record Options(Path state, int kafkaPort, int dbPort, int smtpPort, int mailPort, int smsPort) {}

    LocalStack(Options options, PrintStream out) {
        this.options = new Options(
                options.state.toAbsolutePath().normalize(),
                options.kafkaPort,
                options.dbPort,
                options.smtpPort,
                options.mailPort,
                options.smsPort);
        this.out = out;
        this.files = new StackFiles(this.options.state);
        this.parts = new StackParts(out);
    }

    /**
     * Starts every part in order, then writes {@code stack.env} and {@code stack.pid}. On failure, stops what was
     * started and rethrows.
     */
    void start() {
        try {
            Files.createDirectories(options.state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.state, e);
        }
        files.refuseIfRunning();
        try {
            startParts();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startParts() {
        Path state = options.state;
        out.println("starting clearname stack in " + state);
        // Data from a launcher that had no generated secrets was encrypted with the old development key.
        boolean olderState = Files.isDirectory(state.resolve("pgdata"))
                && !Files.exists(state.resolve("keys").resolve(DevSecrets.FILE));

        EmbeddedPostgresServer pg = parts.adopt(
                "postgres",
                parts.step(
                        () -> EmbeddedPostgresServer.start(state.resolve("pgdata"), options.dbPort, true),
                        started -> "postgres ready on " + started.port()));
        Map<String, DatabaseCredentials> databases = parts.step(
                () -> {
                    Map<String, DatabaseCredentials> created = new LinkedHashMap<>();
                    SERVICE_DATABASES.forEach(name -> created.put(name, pg.createServiceDatabase(name)));
                    return created;
                },
                created -> "databases " + String.join(", ", created.keySet()) + " ready");

        EmbeddedKafkaBroker broker = parts.adopt(
                "kafka",
                parts.step(
                        () -> EmbeddedKafkaBroker.start(state.resolve("kafka"), options.kafkaPort),
                        started -> "kafka ready on " + started.bootstrapServers()));
        parts.step(
                () -> {
                    broker.createTopics(Topics.all(), TOPIC_PARTITIONS);
                    return Topics.all().size();
                },
                count -> count + " topics ready (" + TOPIC_PARTITIONS + " partitions each)");

        SmtpServer mail = parts.adopt(
                "smtp",
                parts.step(
                        () -> SmtpServer.start(options.smtpPort, options.mailPort),
                        started -> "smtp ready on " + started.smtpPort() + ", mailbox on " + started.inspectionUrl()));
        SmsGatewayStub gateway = parts.adopt(
                "sms gateway stub",
                parts.step(
                        () -> SmsGatewayStub.start(options.smsPort),
                        started -> "sms gateway stub ready on " + started.baseUrl()));
        DevKeys keys = parts.step(
                () -> DevKeys.ensure(state.resolve("keys")), k -> "jwt keys ready in " + state.resolve("keys"));
        DevSecrets secrets = parts.step(
                () -> DevSecrets.ensure(state.resolve("keys"), olderState),
                s -> "service secrets ready in " + state.resolve("keys").resolve(DevSecrets.FILE)
                        + (s.environment().containsKey("CLEARNAME_SECRETS_DEVELOPMENT")
                                ? " (the old development key stays readable)"
                                : ""));

        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        databases.forEach((name, credentials) -> {
            String prefix = name.toUpperCase(Locale.ROOT) + "_DB_";
            environment.put(prefix + "URL", credentials.jdbcUrl());
            environment.put(prefix + "USERNAME", credentials.username());
            environment.put(prefix + "PASSWORD", credentials.password());
        });
        environment.put("SMTP_HOST", "127.0.0.1");
        environment.put("SMTP_PORT", Integer.toString(mail.smtpPort()));
        environment.put("MAILBOX_URL", mail.inspectionUrl());
        environment.put("SMS_GATEWAY_URL", gateway.baseUrl());
        environment.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
        environment.put("JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
        environment.put("JWT_ISSUER", Tokens.DEV_ISSUER);
        environment.putAll(secrets.environment());

        parts.whileStarting(() -> {
            published = true;
            files.write(environment);
        });
        out.println("wrote " + files.env());
        out.println(READY_LINE);
    }

    /** What {@code stack.env} holds, in file order; empty until started. */
    Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    /**
     * Stops what was started, last started first (so the broker goes before PostgreSQL): SMS stub, SMTP, Kafka,
     * PostgreSQL. Then removes {@code stack.env} and {@code stack.pid}. Idempotent; safe while {@link #start()} runs.
     */
    @Override
    public void close() {
        var toStop = parts.beginStopping();
        if (toStop.isEmpty()) {
            return;
        }
        if (toStop.get().isEmpty() && !published) {
            stopped.countDown();
            return; // nothing was started
        }
        try {
            parts.stop(toStop.get());
            if (published) {
                try {
                    files.remove();
                } catch (IOException e) {
                    out.println("cannot remove stack.env/stack.pid: " + e);
                }
            }
            out.println(STOPPED_LINE);
            out.flush();
        } finally {
            stopped.countDown();
        }
    }

    void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another process runs a stack on the same state directory. */
    static final class AlreadyRunningException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
