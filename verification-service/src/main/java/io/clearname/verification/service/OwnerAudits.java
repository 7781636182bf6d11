package io.clearname.verification.service;

import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads the audit of a request for its owner. */
@ApplicationScoped
public class OwnerAudits {

    private final AuditCaseRepository cases;
    private final ComplaintRepository complaints;

    public OwnerAudits(AuditCaseRepository cases, ComplaintRepository complaints) {
        this.cases = cases;
        this.complaints = complaints;
    }

    /** The audit of the owner's request; 404 for anyone else's or an unknown request. */
    @Transactional
    public OwnerAudit of(UUID accountId, UUID requestId) {
        AuditCase auditCase = cases.findOwned(accountId, requestId)
                .orElseThrow(() -> VerificationProblems.notFound("No audit for this request."));
        return new OwnerAudit(auditCase, CaseDecisions.reasonsOf(auditCase), complaints.of(requestId));
    }
}
