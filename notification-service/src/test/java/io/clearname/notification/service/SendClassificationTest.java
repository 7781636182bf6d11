package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.ext.mail.SMTPException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
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

    @Test
    void aConnectionNeverMadeIsTransientForBothChannels() {
        var timedOut = new ProcessingException(new ConnectTimeoutException("connection timed out: /10.0.0.1:443"));
        var unknownHost = new ProcessingException(new UnknownHostException("sms.example.com"));

        assertThat(SmsSender.classify(timedOut)).isEqualTo(new SendResult.Transient("CONNECT_TIMEOUT", null, null));
        assertThat(SmsSender.classify(unknownHost)).isEqualTo(new SendResult.Transient("UNKNOWN_HOST", null, null));
        assertThat(SmsSender.classify(new ProcessingException(new ConnectException("Connection refused"))))
                .isEqualTo(new SendResult.Transient("CONNECTION_REFUSED", null, null));
        assertThat(EmailSender.classify(new CompletionException(new ConnectTimeoutException("timed out"))))
                .isEqualTo(new SendResult.Transient("CONNECT_TIMEOUT", null, null));
    }

    @Test
    void aReadTimeoutOrALostConnectionAfterTheRequestWasSentIsAnUnknownOutcome() {
        var readTimeout = new ProcessingException(new TimeoutException(
                "The timeout period of 1000ms has been exceeded while executing POST /v1/messages"));
        var closed = new ProcessingException(new VertxException("Connection was closed", true));

        assertThat(SmsSender.classify(readTimeout)).isEqualTo(new SendResult.Unknown("TIMEOUT", null));
        assertThat(SmsSender.classify(closed)).isInstanceOf(SendResult.Unknown.class);
        assertThat(EmailSender.classify(new CompletionException(new IOException("Connection reset by peer"))))
                .isEqualTo(new SendResult.Unknown("IOException", null));
        assertThat(EmailSender.classify(new CompletionException(new VertxException("Connection was closed", true))))
                .isInstanceOf(SendResult.Unknown.class);
    }
}
