package io.clearname.verification.rest;

import io.clearname.events.AppealDecided.Outcome;
import io.clearname.verification.entity.AppealState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appeal as reviewers see it: the person's appeal (masked), the first decision with the case's rule results, and
 * the second decision once made.
 *
 * @param message the appeal's text, masked; null once the complaint was deleted after its retention
 * @param reasons the first decision's reasons: upheld or set aside by the outcome
 * @param newRequestWindowEndsAt OVERTURNED only: until when the account's next request is not rejected for them
 */
public record AppealView(
        UUID appealId,
        UUID requestId,
        UUID accountId,
        UUID complaintId,
        AppealState state,
        String assignee,
        Instant assignedAt,
        Instant createdAt,
        Instant dueAt,
        String message,
        CaseView.DecisionView firstDecision,
        List<CaseView.RuleResultView> ruleResults,
        Outcome outcome,
        List<ReasonView> reasons,
        String userMessage,
        String internalNote,
        String decidedBy,
        Instant decidedAt,
        Instant newRequestWindowEndsAt) {}
