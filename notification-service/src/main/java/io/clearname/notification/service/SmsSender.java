package io.clearname.notification.service;

import io.clearname.notification.client.SmsGatewayClient;
import io.clearname.notification.config.NotificationConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sends texts through the SMS gateway. Retries are worth it after a refused connection or a connect timeout, a 5xx, a
 * 408 or a 429 (with its {@code Retry-After}); any other 4xx means the request itself is wrong and is never retried.
 *
 * <p>A read timeout, or a connection lost once the request was on its way, is {@link SendResult.Unknown}: the gateway
 * may have the text. The REST client closes the connection when it gives up, so no late answer can come; the next
 * attempt repeats the {@code Idempotency-Key} after the hold.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);

    private final SmsGatewayClient gateway;
    private final NotificationConfig.Sms config;

    public SmsSender(@RestClient SmsGatewayClient gateway, NotificationConfig config) {
        this.gateway = gateway;
        this.config = config.sms();
    }

    /** The token {@code application.properties} falls back to, which only the local stand-in accepts. */
    static final String LOCAL_TOKEN = "local-development-token";

    void warnAboutTheLocalToken(@Observes StartupEvent event) {
        if (LOCAL_TOKEN.equals(config.token())) {
            LOG.warn("SMS_GATEWAY_TOKEN is the local development token, which only the local SMS gateway stand-in"
                    + " accepts");
        }
    }

    public SendResult send(Dispatch dispatch) {
        try {
            var accepted = gateway.send(
                    "Bearer " + config.token(),
                    dispatch.idempotencyKey(),
                    new SmsGatewayClient.SmsRequest(
                            dispatch.to(), dispatch.sms().text(), config.sender()));
            return new SendResult.Delivered(accepted == null ? null : accepted.messageId());
        } catch (WebApplicationException e) {
            return classify(e.getResponse());
        } catch (RuntimeException e) {
            // ProcessingException: a timeout, a refused or lost connection, an answer that could not be read.
            return classify(e);
        }
    }

    /** A failure without an HTTP answer: before the hand-over only when no connection was made. */
    static SendResult classify(Throwable failure) {
        String error = SendResult.describe(failure);
        return SendResult.beforeHandOver(failure)
                ? new SendResult.Transient(error, null, null)
                : new SendResult.Unknown(error, null);
    }

    static SendResult classify(Response response) {
        int status = response.getStatus();
        String error = "HTTP_" + status;
        if (status >= 500 || status == 408 || status == 429) {
            return new SendResult.Transient(error, status, retryAfter(response.getHeaderString("Retry-After")));
        }
        return new SendResult.Permanent(error, status);
    }

    /** {@code Retry-After} in seconds; an HTTP date or anything else is ignored (the backoff applies). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
