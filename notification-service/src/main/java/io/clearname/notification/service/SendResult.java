package io.clearname.notification.service;

import java.time.Duration;

/** What one attempt to send came to. Errors are codes (HTTP_503, SMTP_550, TIMEOUT), never messages. */
public sealed interface SendResult {

    /** The gateway or SMTP server accepted the notice. */
    record Delivered(String providerMessageId) implements SendResult {}

    /** Worth trying again: a timeout, a refused connection, a 5xx from the gateway, a 4xx SMTP reply. */
    record Transient(String error, Integer replyCode, Duration retryAfter) implements SendResult {}

    /** Trying again cannot help: a 4xx from the gateway, a 5xx SMTP reply, an unusable address. */
    record Permanent(String error, Integer replyCode) implements SendResult {}

    /** A short code for a failure without a reply: TIMEOUT, CONNECTION_REFUSED, or the exception's class name. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || name.contains("Timeout")) {
                return "TIMEOUT";
            }
            if (t instanceof java.net.ConnectException) {
                return "CONNECTION_REFUSED";
            }
            if (t.getCause() == null || t.getCause() == t) {
                return name.isEmpty() ? "ERROR" : name;
            }
        }
        return "ERROR";
    }
}
