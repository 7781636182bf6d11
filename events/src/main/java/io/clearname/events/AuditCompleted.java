package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit of a clearing request is decided (topic {@code audit-completed}, from verification-service). */
public record AuditCompleted(
        UUID requestId,
        UUID accountId,
        Decision decision,
        List<Reason> reasons,
        String userMessage,
        String decidedBy,
        Instant decidedAt)
        implements ClearnameEvent {

    /** {@code decidedBy} of an automatic decision; a manual one carries the reviewer's id. */
    public static final String AUTO = "AUTO";

    public enum Decision {
        APPROVED,
        REJECTED
    }
}
