package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The audit of a clearing request was not decided by its due date; the case is escalated (topic
 * {@code audit-delayed}, from verification-service). At most one per request.
 *
 * @param expectedDecisionBy the due date that passed
 * @param delayedAt when the case was found overdue
 */
public record AuditDelayed(UUID requestId, UUID accountId, Instant expectedDecisionBy, Instant delayedAt)
        implements ClearnameEvent {}
