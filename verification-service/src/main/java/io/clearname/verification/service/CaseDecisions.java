package io.clearname.verification.service;

import io.clearname.events.AuditCompleted;
import io.clearname.events.AuditCompleted.Decision;
import io.clearname.events.ReasonCode;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.repository.CaseActionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Decides a case, automatically or for a reviewer: the case, its action, its AuditCompleted and the metrics. */
@ApplicationScoped
public class CaseDecisions {

    private final CaseActionRepository actions;
    private final OutboxWriter outbox;
    private final AuditMetrics metrics;

    public CaseDecisions(CaseActionRepository actions, OutboxWriter outbox, AuditMetrics metrics) {
        this.actions = actions;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Decides an open case. The caller has checked that it is open and holds its lock (or has just created it).
     *
     * @param decidedBy {@link AuditCompleted#AUTO} or the reviewer's id
     * @param userMessage the reviewer's message; null composes one from the reasons in the person's language
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decide(
            AuditCase auditCase,
            Decision decision,
            List<ReasonCode> reasons,
            String userMessage,
            String internalNote,
            String decidedBy,
            Instant now) {
        auditCase.state = CaseState.DECIDED;
        auditCase.decision = decision.name();
        auditCase.reasons =
                reasons.isEmpty() ? null : reasons.stream().map(Enum::name).collect(Collectors.joining(","));
        auditCase.userMessage = userMessage == null || userMessage.isBlank()
                ? message(decision, reasons, auditCase.locale)
                : userMessage.strip();
        auditCase.internalNote = internalNote == null || internalNote.isBlank() ? null : internalNote.strip();
        auditCase.decidedBy = decidedBy;
        auditCase.decidedAt = now;
        boolean automatic = AuditCompleted.AUTO.equals(decidedBy);
        actions.persist(CaseAction.of(
                auditCase.requestId,
                now,
                automatic ? CaseAction.SYSTEM : decidedBy,
                CaseActionType.DECIDED,
                decision + (reasons.isEmpty() ? "" : ": " + auditCase.reasons)));
        outbox.append(new AuditCompleted(
                auditCase.requestId,
                auditCase.accountId,
                decision,
                reasons.stream().map(ReasonCode::reason).toList(),
                auditCase.userMessage,
                decidedBy,
                now));
        metrics.decided(decision.name(), automatic, Duration.between(auditCase.createdAt, now));
    }

    /** The reasons stored on a case. */
    public static List<ReasonCode> reasonsOf(AuditCase auditCase) {
        if (auditCase.reasons == null || auditCase.reasons.isBlank()) {
            return List.of();
        }
        return Arrays.stream(auditCase.reasons.split(","))
                .map(ReasonCode::of)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    /**
     * What the person is told of a decision without a reviewer's message: the reasons' texts and, for a rejection, the
     * way to appeal.
     */
    public static String message(Decision decision, List<ReasonCode> reasons, String languageTag) {
        boolean chinese = Locales.isChinese(languageTag);
        if (decision == Decision.APPROVED) {
            return chinese ? "您的申请已通过审核。" : "Your request passed the audit.";
        }
        String why = reasons.stream().map(r -> r.text(languageTag)).collect(Collectors.joining(chinese ? "" : " "));
        String appeal = chinese
                ? "如对审核结果有异议，可对本次申请提出投诉，我们会进行复核。"
                : "If you disagree, you can file a complaint about this request and it will be looked at again.";
        return (why.isEmpty() ? "" : why + (chinese ? "" : " ")) + appeal;
    }
}
