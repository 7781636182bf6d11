package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The automated audit referred a clearing request to a reviewer (topic {@code review-started}, from
 * verification-service). Says nothing of which rule asked for a person to look: that stays with the reviewers.
 *
 * @param startedAt when the case entered the reviewers' queue
 * @param expectedDecisionBy the case's due date
 */
public record ReviewStarted(UUID requestId, UUID accountId, Instant startedAt, Instant expectedDecisionBy)
        implements ClearnameEvent {}
