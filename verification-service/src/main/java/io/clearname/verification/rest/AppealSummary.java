package io.clearname.verification.rest;

import io.clearname.events.AppealDecided.Outcome;
import io.clearname.verification.entity.AppealState;
import java.time.Instant;
import java.util.UUID;

/** An appeal in the reviewers' listing. */
public record AppealSummary(
        UUID appealId,
        UUID requestId,
        UUID accountId,
        UUID complaintId,
        AppealState state,
        String assignee,
        String firstDecidedBy,
        Instant createdAt,
        Instant dueAt,
        Outcome outcome,
        String decidedBy,
        Instant decidedAt) {}
