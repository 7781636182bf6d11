package io.clearname.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clearname.local.testing.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMTP server's stall and failures, through Java and through its HTTP controls. */
class SmtpServerFaultsTest {
    static SmtpServer smtp;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSmtp() {
        smtp = SmtpServer.start(0, 0);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @AfterEach
    void reset() {
        smtp.reset();
    }

    @Test
    void aMailWhoseDataWasSentDuringAStallIsAcceptedWhenItEndsThoughItsClientLeft() throws Exception {
        String to = address();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), smtp.smtpPort())) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO test", "250");
            command(out, in, "MAIL FROM:<no-reply@clearname.local>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");

            smtp.freeze();
            write(out, "Message-ID: <stalled@test>\r\nSubject: stalled\r\n\r\nbody\r\n.\r\n");
            // the client gives up without an answer, as one whose timeout expired
        }
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> smtp.received().stream().noneMatch(m -> m.to().equals(to)));

        smtp.thaw();
        List<ReceivedMail> mails = await().atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.messagesTo(smtp.inspectionUrl(), to), list -> !list.isEmpty());
        assertEquals(1, mails.size());
        assertEquals("<stalled@test>", mails.get(0).messageId());
    }

    @Test
    void aSessionOpenedDuringAStallIsGreetedWhenItEnds() throws Exception {
        smtp.stall(Duration.ofMillis(1500));
        assertTrue(smtp.isFrozen());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), smtp.smtpPort())) {
            socket.setSoTimeout(500);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThrows(java.net.SocketTimeoutException.class, in::readLine, "greeted during the stall");
            socket.setSoTimeout(10_000);
            expect(in, "220");
        }
        assertFalse(smtp.isFrozen());
    }

    @Test
    void refusesTheNextRecipientsWithTheCodeAskedFor() throws Exception {
        String to = address();
        smtp.failNext(451, 1);

        MessagingException refused = assertThrows(MessagingException.class, () -> send(to, "<first@test>"));
        assertTrue(
                String.valueOf(refused.getNextException()).contains("451")
                        || String.valueOf(refused.getMessage()).contains("451"),
                refused::toString);
        send(to, "<second@test>");

        assertEquals(
                List.of("<second@test>"),
                smtp.received().stream()
                        .filter(m -> m.to().equals(to))
                        .map(ReceivedMail::messageId)
                        .toList());
    }

    @Test
    void aFailureForOneAddressLeavesTheOthersAlone() throws Exception {
        String victim = address();
        String other = address();
        smtp.failNextTo(victim.toUpperCase(), 452, 1);

        send(other, "<other@test>");
        assertThrows(MessagingException.class, () -> send(victim, "<victim-1@test>"));
        send(victim, "<victim-2@test>");

        assertEquals(1, Mailbox.messagesTo(smtp.inspectionUrl(), other).size());
        assertEquals(1, Mailbox.messagesTo(smtp.inspectionUrl(), victim).size());
    }

    @Test
    void a421ClosesTheConnection() throws Exception {
        String to = address();
        smtp.failNextTo(to, 421, 1);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), smtp.smtpPort())) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO test", "250");
            command(out, in, "MAIL FROM:<no-reply@clearname.local>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "421");
            assertEquals(null, in.readLine(), "the server closed the connection");
        }
    }

    @Test
    void keepsEveryAcceptedCopyOfAMailSentTwice() throws Exception {
        String to = address();
        send(to, "<twice@test>");
        send(to, "<twice@test>");

        List<ReceivedMail> mails = Mailbox.messagesTo(smtp.inspectionUrl(), to);
        assertEquals(
                List.of("<twice@test>", "<twice@test>"),
                mails.stream().map(ReceivedMail::messageId).toList());
    }

    @Test
    void httpControlsStallAndFail() throws Exception {
        assertEquals(204, call("POST", "/_control/stall", "{\"millis\": 1000}"));
        assertTrue(smtp.isFrozen());
        assertEquals("{\"frozen\":true}", get("/_control/stall"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.isFrozen());

        assertEquals(204, call("POST", "/_control/stall", ""));
        assertTrue(smtp.isFrozen());
        assertEquals(204, call("DELETE", "/_control/stall", null));
        assertFalse(smtp.isFrozen());

        String to = address();
        assertEquals(204, call("POST", "/_control/failures", "{\"code\": 451, \"times\": 1, \"to\": \"" + to + "\"}"));
        assertThrows(MessagingException.class, () -> send(to, "<http-1@test>"));
        send(to, "<http-2@test>");
        assertEquals(204, call("POST", "/_control/failures", "{\"code\": 451, \"times\": 5}"));
        assertEquals(204, call("DELETE", "/_control/failures", null));
        send(to, "<http-3@test>");
        assertEquals(2, Mailbox.messagesTo(smtp.inspectionUrl(), to).size());

        assertEquals(400, call("POST", "/_control/failures", "{\"code\": 250}"));
        assertEquals(400, call("POST", "/_control/failures", "{\"times\": 1}"));
        assertEquals(400, call("POST", "/_control/stall", "{\"millis\": -1}"));
        assertEquals(400, call("POST", "/_control/stall", "not json"));
    }

    private static String address() {
        return "faults-" + UUID.randomUUID() + "@example.com";
    }

    private static void send(String to, String messageId) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
        properties.put("mail.smtp.timeout", "10000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom("no-reply@clearname.local");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("fault test");
        message.setText("body");
        Transport.send(message);
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        write(out, line + "\r\n");
        expect(in, code);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply (its continuation lines too) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertTrue(line != null && line.startsWith(code), "expected " + code + ", got " + line);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    private static int call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(smtp.inspectionUrl() + path)).timeout(Duration.ofSeconds(10));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String get(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(smtp.inspectionUrl() + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
