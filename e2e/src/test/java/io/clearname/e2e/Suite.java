package io.clearname.e2e;

import static org.awaitility.Awaitility.await;

import io.clearname.events.Topics;
import io.clearname.local.DatabaseCredentials;
import io.clearname.local.DevKeys;
import io.clearname.local.EmbeddedKafkaBroker;
import io.clearname.local.EmbeddedPostgresServer;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsGatewayStub;
import io.clearname.local.SmsMessage;
import io.clearname.local.SmsPost;
import io.clearname.local.SmtpServer;
import io.clearname.local.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole suite for one test class: PostgreSQL (durable), a Kafka broker, an SMTP server, the SMS stand-in and JWT
 * keys inside this JVM, and the three services' packaged jars as separate processes, every one on a free port.
 *
 * A test class gets one of its own with {@link WithSuite}.
 *
 * Each service writes to {@code target/e2e-logs/<service>-<n>.log}, {@code n} counting its starts in this JVM. A JVM
 * shutdown hook kills the service processes, so none outlives a failed or interrupted run.
 *
 * Faults of the infrastructure, for the fault suite: {@link #freezeBroker()}, {@link #restartBroker()}, {@link
 * #freezeDatabase()}, {@link #restartDatabase()} (and their thaw, stop and start halves), and {@link #smtp()} for the
 * SMTP server's stall and failures. The services reach the broker and the SMTP server through a {@link
 * io.clearname.local.FaultProxy}, which is what freezes; PostgreSQL is frozen with SIGSTOP. {@link #close()} thaws
 * whatever is frozen before stopping anything.
 */
final class Suite implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Suite.class.getName());

    /** The ports of {@code ./clearname up}, which may run on this machine at the same time. */
    private static final Set<Integer> RESERVED_PORTS = Set.of(8081, 8082, 8083, 9092, 15432, 2525, 8025, 8089);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int TOPIC_PARTITIONS = 6;

    /**
     * A killed consumer's partitions stay with it until its session times out: 6 s (the broker's minimum) instead of
     * 45 s, so a restarted service gets to work quickly. The rest as in the launcher.
     */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xmx192m",
            "-Dkafka.session.timeout.ms=6000",
            "-Dkafka.heartbeat.interval.ms=1000",
            // Every step of every request in the logs: the privacy scan reads them, the crash test counts progress.
            "-Dquarkus.log.category.\"io.clearname\".level=DEBUG");

    private static final AtomicBoolean LOGS_CLEARED = new AtomicBoolean();

    /** Ports handed out in this JVM: two free-port probes in a row may well return the same port. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Log file numbers, per service across every suite of this JVM, so that no run overwrites another's log. */
    private static final Map<Service, AtomicInteger> STARTS = new ConcurrentHashMap<>();

    private final Path root;
    private final Duration coolingOff;
    private final Path logs;
    private final Path temporary;
    private final String java;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, DatabaseCredentials> databases = new EnumMap<>(Service.class);
    private DatabaseCredentials keyStore;
    private final Map<Service, Process> processes = new ConcurrentHashMap<>();
    private final Map<Service, Path> currentLogs = new ConcurrentHashMap<>();
    private final Map<Service, Long> launchedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::killEverything, "e2e-suite-shutdown");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private SmtpServer smtp;
    private SmsGatewayStub sms;
    private DevKeys keys;
    private Api api;

    private Suite(Path root, Path logs, Path temporary, Duration coolingOff) {
        this.root = root;
        this.coolingOff = coolingOff;
        this.logs = logs;
        this.temporary = temporary;
        this.java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Starts the infrastructure, then the three services with {@code coolingOff}, and returns once every service is
     * ready.
     */
    static Suite start(Duration coolingOff) {
        Path root = Path.of(System.getProperty("clearname.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path logs = Path.of(System.getProperty("clearname.e2e.logs", "target/e2e-logs"))
                .toAbsolutePath()
                .normalize();
        for (Service service : Service.values()) {
            Path jar = jar(root, service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the root; the services must"
                        + " be packaged (./mvnw -pl e2e -am verify builds them first)");
            }
        }
        Suite suite;
        try {
            Files.createDirectories(logs);
            if (LOGS_CLEARED.compareAndSet(false, true)) {
                // Numbers restart with every JVM: a log left by an earlier run would pass for one of this run.
                try (Stream<Path> old = Files.list(logs)) {
                    for (Path log :
                            old.filter(p -> p.toString().endsWith(".log")).toList()) {
                        Files.delete(log);
                    }
                }
            }
            suite = new Suite(root, logs, Files.createTempDirectory("clearname-e2e-"), coolingOff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            suite.startInfrastructure();
            suite.startServices();
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    /** The client of account-service's API, with tokens signed by this suite's key. */
    /** The cooling-off the services run with ({@link WithSuite#coolingOff}). */
    Duration coolingOff() {
        return coolingOff;
    }

    Api api() {
        return api;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The SMTP server's inspection endpoint ({@code GET /messages}, {@code /messages/counts}). */
    URI mailboxUrl() {
        return URI.create(smtp.inspectionUrl());
    }

    /** The SMS stand-in's base URL ({@code /v1/messages}, {@code /v1/messages/counts}). */
    URI smsUrl() {
        return URI.create(sms.baseUrl());
    }

    /**
     * The SMTP server the services send through, for its faults: {@code stall(duration)}, {@code freeze()}, {@code
     * thaw()}, {@code failNext(code, times)}, {@code failNextTo(address, code, times)}, {@code reset()}; the same over
     * HTTP at {@link #mailboxUrl()} ({@code /_control/stall}, {@code /_control/failures}).
     */
    SmtpServer smtp() {
        return smtp;
    }

    /**
     * Stalls every connection between the broker and its clients (services and tests alike), new ones included:
     * nothing delivered either way, nothing closed, until {@link #thawBroker()}. The broker itself keeps running, so
     * its own timers (consumer sessions, for one) go on, as with a network that stops carrying packets.
     */
    void freezeBroker() {
        kafka.freeze();
    }

    /** Ends {@link #freezeBroker()}: what waited is delivered and every connection carries on. */
    void thawBroker() {
        kafka.thaw();
    }

    /**
     * Stops the broker (a controlled shutdown) and returns once it is down: clients see their connections closed and
     * new ones refused. Its log directory and port stay for {@link #startBroker()}.
     */
    void stopBroker() {
        kafka.stop();
    }

    /**
     * Starts the broker stopped by {@link #stopBroker()} on the same port and log directory, and returns once clients
     * reach it through the port the services use and every running service is ready again.
     */
    void startBroker() {
        kafka.startAgain();
        awaitRunningServicesReady("after the broker's start");
    }

    /** {@link #stopBroker()}, then {@link #startBroker()}. */
    void restartBroker() {
        stopBroker();
        startBroker();
    }

    /** Whether PostgreSQL is frozen. */
    boolean databaseFrozen() {
        return postgres.isFrozen();
    }

    /** Whether the broker is frozen. */
    boolean brokerFrozen() {
        return kafka.isFrozen();
    }

    /**
     * Stops (SIGSTOP) every PostgreSQL process: every query and every new connection hangs, nothing is closed, until
     * {@link #thawDatabase()}.
     */
    void freezeDatabase() {
        postgres.freeze();
    }

    /** Ends {@link #freezeDatabase()} (SIGCONT): the queries that waited go on. */
    void thawDatabase() {
        postgres.thaw();
    }

    /**
     * Stops PostgreSQL (fast shutdown: open transactions rolled back, connections closed) and returns once it is down;
     * new connections are refused until {@link #startDatabase()}.
     */
    void stopDatabase() {
        postgres.stop();
    }

    /**
     * Starts PostgreSQL stopped by {@link #stopDatabase()} on the same port and data directory (durable: every
     * committed transaction is there), and returns once it accepts connections and every running service is ready.
     */
    void startDatabase() {
        postgres.startAgain();
        awaitRunningServicesReady("after the database's start");
    }

    /** {@link #stopDatabase()}, then {@link #startDatabase()}. */
    void restartDatabase() {
        stopDatabase();
        startDatabase();
    }

    /** The mails the SMTP server accepted for {@code email}, oldest first. */
    List<ReceivedMail> mailsTo(String email) {
        return smtp.received().stream()
                .filter(mail -> mail.to().equalsIgnoreCase(email))
                .toList();
    }

    /** The texts the SMS stand-in accepted for {@code phone}, oldest first: one per idempotency key. */
    List<SmsMessage> textsTo(String phone) {
        return sms.received().stream().filter(text -> text.to().equals(phone)).toList();
    }

    /** Every mail the SMTP server accepted, by recipient (lower case), oldest first: one read of the server. */
    Map<String, List<ReceivedMail>> mailsByAddress() {
        return smtp.received().stream()
                .collect(Collectors.groupingBy(mail -> mail.to().toLowerCase(Locale.ROOT), Collectors.toList()));
    }

    /** The Idempotency-Key of every text POSTed, by phone, oldest first, repeated keys included. */
    Map<String, List<String>> smsPostKeysByPhone() {
        return sms.posts().stream()
                .collect(Collectors.groupingBy(
                        SmsPost::to, Collectors.mapping(SmsPost::idempotencyKey, Collectors.toList())));
    }

    /** The Idempotency-Key of every text POSTed for {@code phone}, oldest first, repeated keys included. */
    List<String> smsPostKeysTo(String phone) {
        return sms.posts().stream()
                .filter(post -> post.to().equals(phone))
                .map(SmsPost::idempotencyKey)
                .toList();
    }

    /** The SMS stand-in, for its failures and stalls ({@code failNext}, {@code stall}). */
    SmsGatewayStub sms() {
        return sms;
    }

    /** A bearer token for {@code subject} with one role, authenticated just now, valid for an hour. */
    String token(String subject, String role) {
        return Tokens.sign(
                keys.privateKey(), Tokens.DEV_ISSUER, subject, Set.of(role), Instant.now(), Duration.ofHours(1));
    }

    /** The service's base URL, e.g. {@code http://127.0.0.1:41234}. */
    URI url(Service service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    /** Every database of the suite by name: each service's, and account-service's key store. */
    Map<String, DatabaseCredentials> databases() {
        var all = new java.util.LinkedHashMap<String, DatabaseCredentials>();
        databases.forEach((service, credentials) -> all.put(service.database(), credentials));
        all.put("account_keys", keyStore);
        return all;
    }

    /** The private key the services trust (PKCS#8 PEM), to sign tokens of any shape. */
    Path signingKey() {
        return keys.privateKey();
    }

    /** The log files of every process the suite started, earlier (killed) ones included. */
    List<Path> allLogs() {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log file of the service's current (or last) process. */
    Path log(Service service) {
        return currentLogs.get(service);
    }

    /** SIGKILL, as a crash or an OOM kill would: no shutdown hooks, no consumer leaving its group. */
    void kill(Service service) {
        Process process = processes.remove(service);
        if (process == null) {
            throw new IllegalStateException(service + " does not run");
        }
        process.destroyForcibly();
        awaitExit(service, process);
        LOG.info(() -> service + " killed (pid " + process.pid() + ")");
    }

    /** SIGTERM and wait: a graceful stop. */
    void stop(Service service) {
        Process process = processes.remove(service);
        if (process != null) {
            stopGracefully(service, process);
        }
    }

    /** Starts the service on its port with a new log file and waits until it is ready. */
    void start(Service service) {
        launch(service);
        awaitReady(service);
    }

    /** A graceful stop, then a start. */
    void restart(Service service) {
        stop(service);
        start(service);
    }

    /** Thaws what is frozen, then stops the services (SIGTERM, in parallel), then the broker, then PostgreSQL. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // A service waiting on a frozen broker or database would not stop in time.
        thawQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down already, or the hook was never added
        }
        List<Thread> stopping = new ArrayList<>();
        for (Service service : Service.values()) {
            Process process = processes.remove(service);
            if (process != null) {
                Thread thread = new Thread(() -> stopGracefully(service, process), "e2e-stop-" + service);
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Consumers have left their groups; now the broker, then the database.
        closeQuietly("sms gateway stub", sms);
        closeQuietly("smtp server", smtp);
        closeQuietly("kafka", kafka);
        closeQuietly("postgres", postgres);
        deleteQuietly(temporary);
    }

    private void thawQuietly() {
        try {
            if (kafka != null) {
                kafka.thaw();
            }
            if (postgres != null) {
                postgres.thaw();
            }
            if (smtp != null) {
                smtp.reset();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot thaw the infrastructure", e);
        }
    }

    /** Waits until every service that runs answers {@code /q/health/ready} with 200. */
    private void awaitRunningServicesReady(String when) {
        for (Service service : Service.values()) {
            if (!processes.containsKey(service)) {
                continue;
            }
            URI ready = url(service).resolve("/q/health/ready");
            await(service + " ready " + when + " (log " + currentLogs.get(service) + ")")
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> status(ready) == 200);
        }
    }

    private void startInfrastructure() {
        // First: PostgreSQL runs as a daemon of its own and would outlive this JVM.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        postgres = EmbeddedPostgresServer.start(null, freePort(), true);
        for (Service service : Service.values()) {
            databases.put(service, postgres.createServiceDatabase(service.database()));
        }
        keyStore = postgres.createServiceDatabase("account_keys");
        // Behind a proxy, so that the fault suite can freeze it.
        kafka = EmbeddedKafkaBroker.startBehindProxy(null, freePort());
        kafka.createTopics(Topics.all(), TOPIC_PARTITIONS);
        smtp = SmtpServer.start(freePort(), freePort());
        sms = SmsGatewayStub.start(freePort());
        keys = DevKeys.ensure(temporary.resolve("keys"));
    }

    private void startServices() {
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        api = new Api(URI.create("http://127.0.0.1:" + ports.get(Service.ACCOUNT)), this::token);
        // All three at once: on two cores the start-ups overlap well.
        for (Service service : Service.values()) {
            launch(service);
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
    }

    private void launch(Service service) {
        if (closed.get()) {
            throw new IllegalStateException("the suite is closed");
        }
        if (processes.containsKey(service)) {
            throw new IllegalStateException(service + " runs already");
        }
        int n = STARTS.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        Path log = logs.resolve(service.artifactId() + "-" + n + ".log");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(SERVICE_JVM_OPTIONS);
        command.add("-jar");
        command.add(jar(root, service).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Only this suite's settings: nothing from the caller's environment may redirect a service elsewhere.
        env.keySet()
                .removeIf(key -> key.startsWith("QUARKUS_")
                        || key.startsWith("MP_")
                        || key.startsWith("SMALLRYE_")
                        || key.startsWith("KAFKA_"));
        DatabaseCredentials database = databases.get(service);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USERNAME", database.username());
        env.put("DB_PASSWORD", database.password());
        if (service == Service.ACCOUNT) {
            env.put("KEYS_DB_URL", keyStore.jdbcUrl());
            env.put("KEYS_DB_USERNAME", keyStore.username());
            env.put("KEYS_DB_PASSWORD", keyStore.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
        env.put("JWT_ISSUER", Tokens.DEV_ISSUER);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtp.smtpPort()));
        env.put("SMS_GATEWAY_URL", sms.baseUrl());
        env.put("PORT", Integer.toString(ports.get(service)));
        // A short but real cooling-off: approved requests wait in the database, so killing account-service during a
        // batch also restarts it while erasures are due.
        env.put("CLEARING_COOLING_OFF", coolingOff.toString());
        // A mail send that times out (60 s) is held before it is sent again with the same Message-ID; 10 minutes in a
        // deployment, 20 s here, so that a send stuck on this stack's SMTP connection delays a test by a minute and a
        // half, not eleven. A repeated mail would still show as a second copy in every exactly-once count.
        env.put("NOTIFICATION_DELIVERY_UNKNOWN_OUTCOME_HOLD", "20s");
        // Secrets of this suite's own, generated as the launcher does next to the suite's JWT keys, so a restarted
        // service reads what it encrypted before; none is a development value published with clearname, which the
        // services refuse outside their test profile.
        env.putAll(io.clearname.local.DevSecrets.ensure(keys.publicKey().getParent(), false)
                .environment());
        try {
            Process process = builder.start();
            processes.put(service, process);
            currentLogs.put(service, log);
            launchedAt.put(service, System.nanoTime());
            LOG.info(() ->
                    service + " started on port " + ports.get(service) + " (pid " + process.pid() + "), log " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(Service service) {
        Process process = processes.get(service);
        Path log = currentLogs.get(service);
        URI ready = URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/ready");
        await(service + " ready (" + ready + ", log " + log + ")")
                .atMost(READY_TIMEOUT)
                .pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(service + " exited with " + process.exitValue()
                                + " during start-up; its log " + log + " ends with:\n" + tail(log, 40));
                    }
                    return status(ready) == 200;
                });
        long millis = (System.nanoTime() - launchedAt.get(service)) / 1_000_000;
        LOG.info(() -> service + " ready " + millis + " ms after its launch");
    }

    private int status(URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitExit(Service service, Process process) {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(service + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void stopGracefully(Service service, Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning(() -> service + " did not stop within " + STOP_TIMEOUT + "; killing it");
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The shutdown hook: the JVM is going away without {@link #close()}, so nothing may survive it. */
    private void killEverything() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        processes.values().forEach(Process::destroyForcibly);
        processes.values().forEach(process -> {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closeQuietly("sms gateway stub", sms);
        closeQuietly("smtp server", smtp);
        closeQuietly("kafka", kafka);
        closeQuietly("postgres", postgres);
        deleteQuietly(temporary);
    }

    private static Path jar(Path root, Service service) {
        return root.resolve(service.artifactId())
                .resolve("target")
                .resolve("quarkus-app")
                .resolve("quarkus-run.jar");
    }

    /** A free loopback port, none of the launcher's fixed ports, and not handed out before in this JVM. */
    static int freePort() {
        for (int i = 0; i < 100; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!RESERVED_PORTS.contains(port) && HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port outside " + RESERVED_PORTS);
    }

    /** The last {@code lines} lines of a log, for failure messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static void closeQuietly(String what, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot stop " + what, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "cannot delete " + dir, e);
        }
    }
}
