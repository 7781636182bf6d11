package io.clearname.verification.service;

import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.Complaint;
import java.util.List;

/**
 * What the owner may know of the audit of their request: the case, the decision's reasons, their complaints.
 * Reviewers' details (the internal note, rule results, actions, reviewer ids) are the caller's to leave out.
 *
 * @param reasons the decision's reasons, empty while undecided
 * @param complaints the owner's complaints, oldest first
 */
public record OwnerAudit(AuditCase auditCase, List<ReasonCode> reasons, List<Complaint> complaints) {}
