package io.clearname.verification.service;

import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.RuleResult;
import java.util.List;

/**
 * A case with everything recorded about it, read in one transaction: what a reviewer works from.
 *
 * @param reasons the decision's reasons, empty while undecided
 * @param ruleResults each rule's result, in the order the rules ran
 * @param actions who did what to the case, oldest first
 * @param complaints the owner's complaints, oldest first
 */
public record CaseFile(
        AuditCase auditCase,
        List<ReasonCode> reasons,
        List<RuleResult> ruleResults,
        List<CaseAction> actions,
        List<Complaint> complaints) {}
