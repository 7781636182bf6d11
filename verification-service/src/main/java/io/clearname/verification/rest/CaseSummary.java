package io.clearname.verification.rest;

import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case in the reviewers' listing.
 *
 * @param reviewFor the rules that sent the case to review
 */
public record CaseSummary(
        UUID requestId,
        UUID accountId,
        CaseState state,
        Priority priority,
        Instant createdAt,
        Instant dueAt,
        Instant escalatedAt,
        Instant breachedAt,
        String assignee,
        List<String> reviewFor,
        long complaints) {}
