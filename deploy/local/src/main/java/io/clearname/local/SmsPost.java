package io.clearname.local;

import java.time.Instant;

/**
 * One POST that {@link SmsGatewayStub} accepted, a repeated {@code Idempotency-Key} included: what a client sent, as
 * against {@link SmsMessage}, what the gateway sent on (one per key).
 *
 * @param to the recipient's phone number as sent
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param messageId the gateway's id answered, the same for every POST of one key
 * @param receivedAt when the stub read the request (before any delay or stall held its answer)
 * @param repeat whether the key was seen before, so that this POST sent nothing new
 */
public record SmsPost(String to, String idempotencyKey, String messageId, Instant receivedAt, boolean repeat) {}
