package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clearing request reached its terminal state (topic {@code clearing-concluded}, from account-service). Exactly
 * one per request. {@code CLEARED} is published only after the real-name data is gone.
 */
public record ClearingConcluded(
        UUID requestId,
        UUID accountId,
        Outcome outcome,
        List<Reason> reasons,
        List<String> revokedEntitlements,
        Instant concludedAt)
        implements ClearnameEvent {

    public enum Outcome {
        CLEARED,
        REJECTED,
        WITHDRAWN
    }
}
