package io.clearname.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clearname.local.testing.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmtpServerTest {
    static SmtpServer smtp;

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

    @Test
    void keepsWhatItReceived() throws MessagingException {
        String to = "li.lei+" + UUID.randomUUID() + "@example.com";
        MimeMessage message = new MimeMessage(session());
        message.setFrom("no-reply@clearname.local");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("清除实名认证 / Real-name clearing", "UTF-8");
        message.setText("Your request was received.", "UTF-8");
        Transport.send(message);

        ReceivedMail mail = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> smtp.received().stream()
                                .filter(m -> m.to().equals(to))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        assertEquals("no-reply@clearname.local", mail.from());
        assertEquals("清除实名认证 / Real-name clearing", mail.subject());
        assertEquals("Your request was received.", mail.body().strip());
        assertNotNull(mail.receivedAt());

        List<ReceivedMail> overHttp = Mailbox.messagesTo(smtp.inspectionUrl(), to);
        assertEquals(List.of(mail), overHttp);
        assertTrue(Mailbox.all(smtp.inspectionUrl()).contains(mail));
        assertEquals(List.of(), Mailbox.messagesTo(smtp.inspectionUrl(), "nobody@example.com"));
    }

    @Test
    void prefersThePlainTextPartOfAMultipartMail() throws MessagingException {
        String to = "han.meimei-" + UUID.randomUUID() + "@example.com";
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("plain body", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>html body</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", html, plain);
        MimeMessage message = new MimeMessage(session());
        message.setFrom("no-reply@clearname.local");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("multipart");
        message.setContent(alternative);
        Transport.send(message);

        List<ReceivedMail> mails = await().atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.messagesTo(smtp.inspectionUrl(), to.toUpperCase()), list -> list.size() == 1);
        assertEquals("plain body", mails.get(0).body().strip());
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
        return Session.getInstance(properties);
    }
}
