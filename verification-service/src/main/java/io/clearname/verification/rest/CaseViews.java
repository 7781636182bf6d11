package io.clearname.verification.rest;

import io.clearname.events.Reason.Finality;
import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.entity.RuleResult;
import io.clearname.verification.service.AppealFile;
import io.clearname.verification.service.AppealService;
import io.clearname.verification.service.CaseFile;
import io.clearname.verification.service.ComplaintService;
import io.clearname.verification.service.OwnerAudit;
import io.clearname.verification.service.ReviewService.QueueEntry;
import io.clearname.verification.service.ReviewService.QueuePage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Maps what the services return to what the API answers. The internal note reaches only {@link CaseView}, which is
 * for reviewers; the owner's {@link AuditView} has no rule details, actions or reviewer ids.
 */
final class CaseViews {

    private CaseViews() {}

    static CaseView caseView(CaseFile file, String languageTag) {
        AuditCase c = file.auditCase();
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
                ruleResults(file.ruleResults()),
                c.decision == null
                        ? null
                        : new CaseView.DecisionView(
                                c.decision,
                                reasons(file.reasons(), languageTag),
                                c.userMessage,
                                c.internalNote,
                                c.decidedBy,
                                c.decidedAt),
                c.closedAt,
                file.actions().stream()
                        .map(a -> new CaseView.ActionView(a.at, a.actor, a.type, a.detail))
                        .toList(),
                file.complaints().stream().map(CaseViews::complaint).toList());
    }

    static CaseListView caseList(QueuePage page) {
        return new CaseListView(
                page.entries().stream().map(CaseViews::summary).toList(), page.page(), page.size(), page.total());
    }

    static CaseSummary summary(QueueEntry entry) {
        AuditCase c = entry.auditCase();
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
                entry.reviewFor(),
                entry.complaints());
    }

    static AuditView auditView(OwnerAudit audit, String languageTag) {
        AuditCase c = audit.auditCase();
        return new AuditView(
                c.requestId,
                c.state,
                c.decision,
                reasons(audit.reasons(), languageTag),
                c.userMessage,
                c.decidedAt,
                c.dueAt,
                c.priority != Priority.NORMAL || c.escalatedAt != null,
                c.breachedAt != null,
                audit.complaints().stream().map(CaseViews::complaint).toList());
    }

    static ComplaintView complaint(Complaint c) {
        return new ComplaintView(
                c.id, c.requestId, c.receivedAt, c.kind, c.message, c.status, c.dueAt, c.answer, c.answeredAt);
    }

    static StaffComplaintView staffComplaint(ComplaintService.Handled handled) {
        Complaint c = handled.complaint();
        return new StaffComplaintView(
                c.id,
                c.requestId,
                c.kind,
                c.status,
                c.receivedAt,
                c.dueAt,
                c.message,
                c.answer,
                c.answeredBy,
                c.answeredAt,
                handled.appealId());
    }

    static AppealSummary appealSummary(Appeal a) {
        return new AppealSummary(
                a.id,
                a.requestId,
                a.accountId,
                a.complaintId,
                a.state,
                a.assignee,
                a.firstDecidedBy,
                a.createdAt,
                a.dueAt,
                a.outcome,
                a.decidedBy,
                a.decidedAt);
    }

    static AppealView appealView(AppealFile file, String languageTag) {
        Appeal a = file.appeal();
        AuditCase c = file.auditCase();
        return new AppealView(
                a.id,
                a.requestId,
                a.accountId,
                a.complaintId,
                a.state,
                a.assignee,
                a.assignedAt,
                a.createdAt,
                a.dueAt,
                file.complaintMessage(),
                new CaseView.DecisionView(
                        c.decision,
                        reasons(file.firstReasons(), languageTag),
                        c.userMessage,
                        c.internalNote,
                        c.decidedBy,
                        c.decidedAt),
                ruleResults(file.ruleResults()),
                a.outcome,
                reasons(AppealService.reasonsOf(a), languageTag),
                a.userMessage,
                a.internalNote,
                a.decidedBy,
                a.decidedAt,
                a.newRequestWindowEndsAt);
    }

    private static List<CaseView.RuleResultView> ruleResults(List<RuleResult> results) {
        return results.stream()
                .map(r -> new CaseView.RuleResultView(
                        r.rule,
                        r.outcome,
                        r.finality == null ? null : Finality.valueOf(r.finality),
                        r.detail,
                        r.thresholds,
                        r.evaluatedAt))
                .toList();
    }

    /** A catalogue entry with its text in every language the catalogue has. */
    static ReasonCodeView reasonCode(ReasonCode code) {
        var text = new LinkedHashMap<String, String>();
        text.put("en", code.text("en"));
        text.put("zh-CN", code.text("zh-CN"));
        return new ReasonCodeView(code.name(), code.finality(), text);
    }

    private static List<ReasonView> reasons(List<ReasonCode> codes, String languageTag) {
        return codes.stream()
                .map(code -> new ReasonView(code.name(), code.finality(), code.text(languageTag)))
                .toList();
    }

    private static List<String> restrictions(AuditCase c) {
        return c.restrictions == null || c.restrictions.isBlank()
                ? List.of()
                : Arrays.asList(c.restrictions.split(","));
    }
}
