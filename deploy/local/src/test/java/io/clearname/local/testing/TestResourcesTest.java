package io.clearname.local.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clearname.events.Topics;
import io.clearname.local.Tokens;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The resources as Quarkus uses them: start() and the returned configuration, without booting Quarkus. */
class TestResourcesTest {

    @Test
    void kafkaResourceSharesOneBrokerWithEveryTopic() throws Exception {
        Map<String, String> first = new KafkaTestResource().start();
        Map<String, String> second = new KafkaTestResource().start();

        String bootstrapServers = first.get("kafka.bootstrap.servers");
        assertEquals(first, second);
        assertEquals(bootstrapServers, KafkaTestResource.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeTopics(Topics.all())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(topic -> assertEquals(6, topic.partitions().size(), topic.name()));
        }
    }

    @Test
    void aResourceFromAnotherClassLoaderFindsTheSameServers() throws Exception {
        String expected = new SmsGatewayTestResource().start().get("clearname.sms.gateway-url");
        try (URLClassLoader isolated = isolatedClassLoader()) {
            Class<?> resourceClass = Class.forName(SmsGatewayTestResource.class.getName(), true, isolated);
            assertNotSame(SmsGatewayTestResource.class, resourceClass);
            Object resource = resourceClass.getConstructor().newInstance();
            Map<?, ?> config = (Map<?, ?>) resourceClass.getMethod("start").invoke(resource);
            assertEquals(expected, config.get("clearname.sms.gateway-url"));
        }
    }

    @Test
    void postgresResourceConnectsAsSuperuserOrAsAServiceRole() throws Exception {
        Map<String, String> superuser = new PostgresTestResource().start();
        PostgresTestResource accountResource = new PostgresTestResource();
        accountResource.init(Map.of("database", "account"));
        Map<String, String> account = accountResource.start();

        assertTrue(superuser.get("quarkus.datasource.jdbc.url").endsWith("/postgres"));
        assertEquals("postgres", superuser.get("quarkus.datasource.username"));
        assertEquals(PostgresTestResource.jdbcUrl(), superuser.get("quarkus.datasource.jdbc.url"));
        assertTrue(account.get("quarkus.datasource.jdbc.url").endsWith("/account"));
        try (Connection connection = DriverManager.getConnection(
                        account.get("quarkus.datasource.jdbc.url"),
                        account.get("quarkus.datasource.username"),
                        account.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user")) {
            rows.next();
            assertEquals("account", rows.getString(1));
        }
    }

    @Test
    void smtpResourceConfiguresTheMailerAndShowsWhatArrived() throws Exception {
        Map<String, String> config = new SmtpTestResource().start();
        assertEquals("127.0.0.1", config.get("quarkus.mailer.host"));
        assertEquals("false", config.get("quarkus.mailer.mock"));
        assertEquals("DISABLED", config.get("quarkus.mailer.start-tls"));
        assertEquals(SmtpTestResource.mailboxUrl(), config.get("clearname.test.mailbox-url"));

        Properties mail = new Properties();
        mail.put("mail.smtp.host", config.get("quarkus.mailer.host"));
        mail.put("mail.smtp.port", config.get("quarkus.mailer.port"));
        String to = "user-" + UUID.randomUUID() + "@example.com";
        MimeMessage message = new MimeMessage(Session.getInstance(mail));
        message.setFrom(config.get("quarkus.mailer.from"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("hello");
        message.setText("body");
        Transport.send(message);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), to).size() == 1);
    }

    @Test
    void smsResourcePointsTheRestClientAtTheStub() throws Exception {
        Map<String, String> config = new SmsGatewayTestResource().start();
        String url = SmsGatewayTestResource.baseUrl();
        assertEquals(url, config.get("clearname.sms.gateway-url"));
        assertEquals(url, config.get("quarkus.rest-client.sms-gateway.url"));

        String phone = "+8613900" + (System.nanoTime() % 100000);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/v1/messages"))
                                .header("Authorization", "Bearer test")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + phone + "\",\"text\":\"hi\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode());
        assertEquals(
                List.of("hi"),
                SmsOutbox.messagesTo(url, phone).stream().map(m -> m.text()).toList());
    }

    @Test
    void jwtResourceSignsTokensItsConfigurationVerifies() throws Exception {
        Map<String, String> config = new JwtTestResource().start();
        assertEquals(Tokens.DEV_ISSUER, config.get("mp.jwt.verify.issuer"));

        String token = JwtTestResource.token("acc-1", Duration.ofMinutes(10), "reviewer");
        String[] parts = token.split("\\.");
        String pem = Files.readString(Path.of(config.get("mp.jwt.verify.publickey.location")));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")))));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"reviewer\"]"), claims);
        long authTime = Long.parseLong(claims.replaceAll(".*\"auth_time\":(\\d+).*", "$1"));
        long age = Instant.now().getEpochSecond() - authTime;
        assertTrue(age >= 600 && age < 660, "auth age " + age);
        assertTrue(JwtTestResource.token("acc-2").split("\\.")[1].length() > 0);
    }

    /** A class loader like Quarkus's per-profile one: the test class path, not delegating to the application loader. */
    private static URLClassLoader isolatedClassLoader() throws Exception {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = Path.of(entries[i]).toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
