package io.clearname.verification.rest;

import io.clearname.verification.entity.CaseState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The owner's view of the audit of their request.
 *
 * @param decision APPROVED or REJECTED once decided, else null
 * @param reasons the decision's reasons, with text in the requested language
 * @param message what the audit tells the person about its decision
 * @param expectedDecisionBy the due date of the audit
 * @param escalated whether the case's priority was raised (by the SLA or a complaint)
 * @param breached whether the due date passed without a decision
 */
public record AuditView(
        UUID requestId,
        CaseState state,
        String decision,
        List<ReasonView> reasons,
        String message,
        Instant decidedAt,
        Instant expectedDecisionBy,
        boolean escalated,
        boolean breached,
        List<ComplaintView> complaints) {}
