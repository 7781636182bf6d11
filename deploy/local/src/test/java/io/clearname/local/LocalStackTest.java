package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clearname.events.Topics;
import io.clearname.local.testing.Mailbox;
import io.clearname.local.testing.SmsOutbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
    static final List<String> ENV_KEYS = List.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            "ACCOUNT_DB_URL",
            "ACCOUNT_DB_USERNAME",
            "ACCOUNT_DB_PASSWORD",
            "ACCOUNT_KEYS_DB_URL",
            "ACCOUNT_KEYS_DB_USERNAME",
            "ACCOUNT_KEYS_DB_PASSWORD",
            "VERIFICATION_DB_URL",
            "VERIFICATION_DB_USERNAME",
            "VERIFICATION_DB_PASSWORD",
            "NOTIFICATION_DB_URL",
            "NOTIFICATION_DB_USERNAME",
            "NOTIFICATION_DB_PASSWORD",
            "SMTP_HOST",
            "SMTP_PORT",
            "MAILBOX_URL",
            "SMS_GATEWAY_URL",
            "JWT_PUBLIC_KEY_LOCATION",
            "JWT_PRIVATE_KEY_LOCATION",
            "JWT_ISSUER",
            "ENCRYPTION_KEKS",
            "ENCRYPTION_ACTIVE_KEK",
            "ID_FINGERPRINT_PEPPER",
            "TEXT_KEYS",
            "ACTIVE_TEXT_KEY",
            "SMS_GATEWAY_TOKEN");

    @TempDir
    Path state;

    @Test
    void startsEverythingThenStopsInOrderAndKeepsStateForTheNextStart() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LocalStack stack = stack(output);
        Map<String, String> env;
        try {
            stack.start();
            env = readEnv(state.resolve("stack.env"));
            assertEquals(ENV_KEYS, List.copyOf(env.keySet()));
            assertEquals(
                    Long.toString(ProcessHandle.current().pid()),
                    Files.readString(state.resolve("stack.pid")).strip());
            List<String> lines = lines(output);
            assertEquals(LocalStack.READY_LINE, lines.get(lines.size() - 1));
            assertTrue(
                    lines.stream().anyMatch(l -> l.matches("postgres ready on \\d+ \\(\\d+ ms\\)")), lines.toString());

            try (Connection db = connect(env, "ACCOUNT");
                    Statement statement = db.createStatement()) {
                // the local stack is durable, unlike the test server
                assertEquals("on", EmbeddedPostgresServerTest.show(statement, "fsync"));
                assertEquals("on", EmbeddedPostgresServerTest.show(statement, "synchronous_commit"));
                statement.execute("CREATE TABLE marker (id int)");
                statement.execute("INSERT INTO marker VALUES (7)");
            }
            connect(env, "VERIFICATION").close();
            connect(env, "NOTIFICATION").close();
            assertSixPartitionsEach(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals(List.of(), Mailbox.all(env.get("MAILBOX_URL")));
            assertEquals(List.of(), SmsOutbox.all(env.get("SMS_GATEWAY_URL")));
            assertTrue(Files.exists(Path.of(env.get("JWT_PUBLIC_KEY_LOCATION"))));
            assertTrue(Path.of(env.get("JWT_PRIVATE_KEY_LOCATION")).isAbsolute());
            assertEquals(Tokens.DEV_ISSUER, env.get("JWT_ISSUER"));
        } finally {
            stack.close();
        }

        List<String> lines = lines(output);
        int ready = lines.indexOf(LocalStack.READY_LINE);
        List<String> stopping = lines.subList(ready + 1, lines.size()).stream()
                .filter(l -> l.startsWith("stopping "))
                .toList();
        assertEquals(
                List.of("stopping sms gateway stub", "stopping smtp", "stopping kafka", "stopping postgres"), stopping);
        assertEquals(LocalStack.STOPPED_LINE, lines.get(lines.size() - 1));
        assertTrue(Files.notExists(state.resolve("stack.env")));
        assertTrue(Files.notExists(state.resolve("stack.pid")));

        LocalStack again = stack(new ByteArrayOutputStream());
        try {
            again.start();
            Map<String, String> restarted = readEnv(state.resolve("stack.env"));
            try (Connection db = connect(restarted, "ACCOUNT");
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM marker")) {
                assertTrue(rows.next(), "data survives a restart");
                assertEquals(7, rows.getInt(1));
            }
            assertSixPartitionsEach(restarted.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals(
                    Files.readString(Path.of(env.get("JWT_PRIVATE_KEY_LOCATION"))),
                    Files.readString(Path.of(restarted.get("JWT_PRIVATE_KEY_LOCATION"))));
            // The secrets were created with the state directory, so the data encrypted before stays readable.
            assertEquals(ENV_KEYS, List.copyOf(restarted.keySet()));
            for (String secret :
                    List.of("ENCRYPTION_KEKS", "ID_FINGERPRINT_PEPPER", "TEXT_KEYS", "SMS_GATEWAY_TOKEN")) {
                assertEquals(env.get(secret), restarted.get(secret), secret);
            }
        } finally {
            again.close();
        }
    }

    @Test
    void refusesToStartOverARunningStack() throws IOException {
        // Another live JVM stands in for the other stack: Maven's, an ancestor of this test JVM.
        long otherJvm = Stream.iterate(
                        ProcessHandle.current().parent(),
                        Optional::isPresent,
                        p -> p.get().parent())
                .map(Optional::get)
                .filter(p -> p.info().command().orElse("").contains("java"))
                .findFirst()
                .orElseThrow()
                .pid();
        Files.writeString(state.resolve("stack.pid"), otherJvm + "\n");
        Files.writeString(state.resolve("stack.env"), "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092\n");

        LocalStack second = stack(new ByteArrayOutputStream());
        try {
            assertThrows(LocalStack.AlreadyRunningException.class, second::start);
        } finally {
            second.close();
        }
        assertTrue(Files.exists(state.resolve("stack.pid")), "the running stack's files stay");
        assertTrue(Files.exists(state.resolve("stack.env")));
    }

    private LocalStack stack(ByteArrayOutputStream output) {
        return new LocalStack(
                new LocalStack.Options(state, 0, 0, 0, 0, 0), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private static Connection connect(Map<String, String> env, String service) throws SQLException {
        return DriverManager.getConnection(
                env.get(service + "_DB_URL"), env.get(service + "_DB_USERNAME"), env.get(service + "_DB_PASSWORD"));
    }

    private static void assertSixPartitionsEach(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(Topics.all()).allTopicNames().get(30, TimeUnit.SECONDS);
            topics.values().forEach(topic -> assertEquals(6, topic.partitions().size(), topic.name()));
        }
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    private static List<String> lines(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
