package io.clearname.verification.service;

import io.clearname.events.Reason.Finality;
import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.entity.RuleOutcome;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import io.clearname.verification.repository.RuleResultRepository;
import io.clearname.verification.rest.AuditView;
import io.clearname.verification.rest.CaseSummary;
import io.clearname.verification.rest.CaseView;
import io.clearname.verification.rest.ComplaintView;
import io.clearname.verification.rest.ReasonView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Maps cases to what reviewers and owners see; the internal note reaches only {@link CaseView}. */
@ApplicationScoped
public class CaseViews {

    private final RuleResultRepository ruleResults;
    private final CaseActionRepository actions;
    private final ComplaintRepository complaints;

    public CaseViews(RuleResultRepository ruleResults, CaseActionRepository actions, ComplaintRepository complaints) {
        this.ruleResults = ruleResults;
        this.actions = actions;
        this.complaints = complaints;
    }

    public CaseView caseView(AuditCase c, String languageTag) {
        return new CaseView(
                c.requestId,
                c.accountId,
                c.state,
                c.priority,
                c.createdAt,
                c.escalateAt,
                c.dueAt,
                c.escalatedAt,
                c.breachedAt,
                c.assignee,
                c.assignedAt,
                new CaseView.Snapshot(
                        c.requestedAt,
                        c.locale,
                        c.accountCreatedAt,
                        c.accountAgeDays,
                        c.realNameVerifiedAt,
                        c.lastSecurityChangeAt,
                        restrictions(c)),
                ruleResults.of(c.requestId).stream()
                        .map(r -> new CaseView.RuleResultView(
                                r.rule,
                                r.outcome,
                                r.finality == null ? null : Finality.valueOf(r.finality),
                                r.detail,
                                r.thresholds,
                                r.evaluatedAt))
                        .toList(),
                c.decision == null
                        ? null
                        : new CaseView.DecisionView(
                                c.decision,
                                reasons(c, languageTag),
                                c.userMessage,
                                c.internalNote,
                                c.decidedBy,
                                c.decidedAt),
                c.closedAt,
                actions.of(c.requestId).stream()
                        .map(a -> new CaseView.ActionView(a.at, a.actor, a.type, a.detail))
                        .toList(),
                complaints.of(c.requestId).stream().map(CaseViews::complaint).toList());
    }

    public CaseSummary summary(AuditCase c, long complaintCount) {
        return new CaseSummary(
                c.requestId,
                c.accountId,
                c.state,
                c.priority,
                c.createdAt,
                c.dueAt,
                c.escalatedAt,
                c.breachedAt,
                c.assignee,
                ruleResults.of(c.requestId).stream()
                        .filter(r -> r.outcome == RuleOutcome.REVIEW)
                        .map(r -> r.rule)
                        .toList(),
                complaintCount);
    }

    /** The owner's view: no internal note, no rule details, no reviewer ids. */
    public AuditView auditView(AuditCase c, String languageTag) {
        return new AuditView(
                c.requestId,
                c.state,
                c.decision,
                reasons(c, languageTag),
                c.userMessage,
                c.decidedAt,
                c.dueAt,
                c.priority != Priority.NORMAL || c.escalatedAt != null,
                c.breachedAt != null,
                complaints.of(c.requestId).stream().map(CaseViews::complaint).toList());
    }

    public static ComplaintView complaint(Complaint c) {
        return new ComplaintView(c.id, c.requestId, c.receivedAt, c.kind, c.message);
    }

    public static List<ReasonView> reasons(AuditCase c, String languageTag) {
        return CaseDecisions.reasonsOf(c).stream()
                .map(r -> reason(r, languageTag))
                .toList();
    }

    public static ReasonView reason(ReasonCode code, String languageTag) {
        return new ReasonView(code.name(), code.finality(), code.text(languageTag));
    }

    private static List<String> restrictions(AuditCase c) {
        return c.restrictions == null || c.restrictions.isBlank()
                ? List.of()
                : Arrays.asList(c.restrictions.split(","));
    }
}
