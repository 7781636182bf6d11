package io.clearname.verification.service;

import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.RuleResult;
import java.util.List;

/**
 * An appeal with what its reviewer works from, read in one transaction.
 *
 * @param auditCase the case, with the first decision
 * @param firstReasons the first decision's reasons
 * @param ruleResults the case's rule results
 * @param complaintMessage the appeal's text (masked); null once the complaint was deleted after its retention
 */
public record AppealFile(
        Appeal appeal,
        AuditCase auditCase,
        List<ReasonCode> firstReasons,
        List<RuleResult> ruleResults,
        String complaintMessage) {}
