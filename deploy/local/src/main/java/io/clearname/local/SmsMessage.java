package io.clearname.local;

import java.time.Instant;

/**
 * A text message that {@link SmsGatewayStub} accepted.
 *
 * @param messageId the gateway's id, returned to the sender
 * @param to the recipient's phone number as sent
 * @param text the message text
 * @param sender the sender id, may be {@code null}
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param receivedAt when the stub accepted it
 */
public record SmsMessage(
        String messageId, String to, String text, String sender, String idempotencyKey, Instant receivedAt) {}
