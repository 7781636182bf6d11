package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are worth another attempt. */
class SendClassificationTest {

    @Test
    void gatewayServerErrorsTimeoutsAndRateLimitsAreTransientOtherClientErrorsPermanent() {
        assertThat(SmsSender.classify(Response.status(503).build()))
                .isEqualTo(new SendResult.Transient("HTTP_503", 503, null));
        assertThat(SmsSender.classify(Response.status(500).build())).isInstanceOf(SendResult.Transient.class);
        assertThat(SmsSender.classify(Response.status(408).build())).isInstanceOf(SendResult.Transient.class);
        assertThat(SmsSender.classify(
                        Response.status(429).header("Retry-After", "3").build()))
                .isEqualTo(new SendResult.Transient("HTTP_429", 429, Duration.ofSeconds(3)));
        assertThat(SmsSender.classify(Response.status(400).build()))
                .isEqualTo(new SendResult.Permanent("HTTP_400", 400));
        assertThat(SmsSender.classify(Response.status(401).build())).isInstanceOf(SendResult.Permanent.class);
        assertThat(SmsSender.classify(Response.status(422).build())).isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void retryAfterIsReadInSecondsAndAnythingElseIgnored() {
        assertThat(SmsSender.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SmsSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
        assertThat(SmsSender.retryAfter(null)).isNull();
        assertThat(SmsSender.retryAfter("-5")).isNull();
    }

    @Test
    void smtpReplies4xxAreTransient5xxPermanent() {
        var busy = new SMTPException("busy", 451, List.of("451 try later"), false);
        var unknown = new SMTPException("no such user", 550, List.of("550 mailbox unavailable"), false);

        assertThat(EmailSender.classify(new CompletionException(busy)))
                .isEqualTo(new SendResult.Transient("SMTP_451", 451, null));
        assertThat(EmailSender.classify(new CompletionException(unknown)))
                .isEqualTo(new SendResult.Permanent("SMTP_550", 550));
    }

    @Test
    void aRefusedConnectionIsTransientAndNamedWithoutItsMessage() {
        var refused = new CompletionException(new ConnectException("Connection refused: 10.0.0.1/mail.example.com"));

        assertThat(EmailSender.classify(refused)).isEqualTo(new SendResult.Transient("CONNECTION_REFUSED", null, null));
    }
}
