package io.clearname.kit.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dead letter as support sees it ({@code GET /api/v1/admin/dead-letters}): where the record came from and where its
 * copy waits, its CloudEvents identifiers, why it failed, the shape of its payload and what became of it. It holds no
 * payload value, so no personal data.
 *
 * @param consumer the incoming channel that could not process the record
 * @param eventId the record's {@code ce_id}, when it had an identifier-like one
 * @param subject the record's {@code ce_subject} (a request id), when it had one
 * @param accountId the record's key (an account id), when it looked like one
 * @param payloadFields the payload's top-level field names when it is a JSON object
 * @param state OPEN until support re-drives (REDRIVEN) or discards (DISCARDED) it
 * @param note the reason given when it was discarded
 */
public record DeadLetter(
        UUID id,
        String consumer,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String deadLetterTopic,
        int deadLetterPartition,
        long deadLetterOffset,
        String eventId,
        String ceType,
        String subject,
        String accountId,
        String reason,
        String exceptionClass,
        int payloadBytes,
        List<String> payloadFields,
        Instant deadLetteredAt,
        State state,
        Instant resolvedAt,
        String resolvedBy,
        String note) {

    /** What became of a dead letter. */
    public enum State {
        /** Waiting for support. */
        OPEN,
        /** Published again to its source topic. */
        REDRIVEN,
        /** Given up on, with a reason. */
        DISCARDED
    }
}
