package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The audit approved a clearing request and its cooling-off began (topic {@code clearing-approved}, from
 * account-service). The person may still withdraw until {@code coolingOffEndsAt}; the request's outcome follows as
 * {@link ClearingConcluded}. Published only when the cooling-off is longer than zero: without one the request is
 * cleared in the same transaction and there is nothing left to tell before the outcome.
 *
 * @param approvedAt when account-service applied the approval
 * @param coolingOffEndsAt when the real name is erased unless the person withdraws first
 */
public record ClearingApproved(UUID requestId, UUID accountId, Instant approvedAt, Instant coolingOffEndsAt)
        implements ClearnameEvent {}
