package io.clearname.verification.rest;

import io.clearname.events.Reason.Finality;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.entity.RuleOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as reviewers see it: the request's snapshot (no contact points, names or ID numbers: the service has none),
 * every rule's result, the decision with its internal note, every action and every complaint.
 */
public record CaseView(
        UUID requestId,
        UUID accountId,
        CaseState state,
        Priority priority,
        Instant createdAt,
        Instant escalateAt,
        Instant dueAt,
        Instant escalatedAt,
        Instant breachedAt,
        String assignee,
        Instant assignedAt,
        Snapshot snapshot,
        List<RuleResultView> ruleResults,
        DecisionView decision,
        Instant closedAt,
        List<ActionView> actions,
        List<ComplaintView> complaints) {

    /** The audit facts of the request. */
    public record Snapshot(
            Instant requestedAt,
            String locale,
            Instant accountCreatedAt,
            Long accountAgeDays,
            Instant realNameVerifiedAt,
            Instant lastSecurityChangeAt,
            List<String> restrictions) {}

    public record RuleResultView(
            String rule,
            RuleOutcome outcome,
            Finality finality,
            String detail,
            String thresholds,
            Instant evaluatedAt) {}

    public record DecisionView(
            String decision,
            List<ReasonView> reasons,
            String userMessage,
            String internalNote,
            String decidedBy,
            Instant decidedAt) {}

    public record ActionView(Instant at, String actor, String type, String detail) {}
}
