package io.clearname.notification.service;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLHandshakeException;

/**
 * What one attempt to send came to. Errors are codes (HTTP_503, SMTP_550, TIMEOUT), never messages.
 *
 * <p>A failure either came before the notice was handed over, so that sending again cannot make a second copy
 * ({@link Transient}, {@link Permanent}), or the notice may have been handed over and the answer is missing
 * ({@link Unknown}): then the next attempt waits until the first can no longer be on its way.
 */
public sealed interface SendResult {

    /** The gateway or SMTP server accepted the notice. */
    record Delivered(String providerMessageId) implements SendResult {}

    /**
     * Not handed over, worth trying again: a refused connection, a connect timeout, a 5xx from the gateway, a 4xx SMTP
     * reply.
     */
    record Transient(String error, Integer replyCode, Duration retryAfter) implements SendResult {}

    /** Trying again cannot help: a 4xx from the gateway, a 5xx SMTP reply, an unusable address. */
    record Permanent(String error, Integer replyCode) implements SendResult {}

    /**
     * The notice may have been handed over, and no answer says whether it was taken: a timeout or a lost connection
     * once the request was sent (an SMTP client that gave up waiting, an HTTP read timeout). Sending again at once
     * could deliver a second copy while the first is still on its way.
     *
     * @param late the answer should it still come (the SMTP transaction goes on after the sender stopped waiting), or
     *     {@code null} when none can (the connection was closed); it never completes exceptionally
     */
    record Unknown(String error, CompletionStage<SendResult> late) implements SendResult {}

    /**
     * Whether {@code failure} happened before anything was sent: no connection was made (refused, connect timeout, an
     * unknown host, a failed TLS handshake).
     */
    static boolean beforeHandOver(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short code for a failure without a reply: CONNECT_TIMEOUT, CONNECTION_REFUSED, UNKNOWN_HOST, TIMEOUT, or the
     * exception's class name.
     */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            // Netty's ConnectTimeoutException is a ConnectException: a connection never made, not a missing answer.
            if (t instanceof ConnectException) {
                return name.contains("Timeout") ? "CONNECT_TIMEOUT" : "CONNECTION_REFUSED";
            }
            if (t instanceof UnknownHostException) {
                return "UNKNOWN_HOST";
            }
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || name.contains("Timeout")) {
                return "TIMEOUT";
            }
            if (t.getCause() == null || t.getCause() == t) {
                return name.isEmpty() ? "ERROR" : name;
            }
        }
        return "ERROR";
    }
}
