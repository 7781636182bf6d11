package io.clearname.verification.service;

import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.RuleOutcome;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import io.clearname.verification.repository.RuleResultRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads what belongs to a case, inside the caller's transaction. */
@ApplicationScoped
public class CaseFiles {

    private final RuleResultRepository ruleResults;
    private final CaseActionRepository actions;
    private final ComplaintRepository complaints;

    public CaseFiles(RuleResultRepository ruleResults, CaseActionRepository actions, ComplaintRepository complaints) {
        this.ruleResults = ruleResults;
        this.actions = actions;
        this.complaints = complaints;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile of(AuditCase c) {
        return new CaseFile(
                c,
                CaseDecisions.reasonsOf(c),
                ruleResults.of(c.requestId),
                actions.of(c.requestId),
                complaints.of(c.requestId));
    }

    /** The rules that sent the case to a reviewer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> reviewFor(AuditCase c) {
        return ruleResults.of(c.requestId).stream()
                .filter(r -> r.outcome == RuleOutcome.REVIEW)
                .map(r -> r.rule)
                .toList();
    }
}
