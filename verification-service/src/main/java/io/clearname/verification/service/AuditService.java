package io.clearname.verification.service;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.MalformedEventException;
import io.clearname.events.ReasonCode;
import io.clearname.verification.config.AuditConfig;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.ClearedIdentity;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.entity.RuleResult;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.repository.ComplaintRepository;
import io.clearname.verification.repository.RuleResultRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Opens one audit case per clearing request and judges it with the {@link AuditRules}: decided at once, or queued
 * for a reviewer under the SLA. Follows the request's conclusion: a clearing joins the identity's history, a
 * withdrawal closes an open case.
 */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditCaseRepository cases;
    private final RuleResultRepository ruleResults;
    private final CaseActionRepository actions;
    private final ClearedIdentityRepository clearedIdentities;
    private final ComplaintRepository complaints;
    private final CaseDecisions decisions;
    private final AuditMetrics metrics;
    private final AuditConfig config;
    private final AuditRules rules;
    private final Clock clock;

    public AuditService(
            AuditCaseRepository cases,
            RuleResultRepository ruleResults,
            CaseActionRepository actions,
            ClearedIdentityRepository clearedIdentities,
            ComplaintRepository complaints,
            CaseDecisions decisions,
            AuditMetrics metrics,
            AuditConfig config,
            Clock clock) {
        this.cases = cases;
        this.ruleResults = ruleResults;
        this.actions = actions;
        this.clearedIdentities = clearedIdentities;
        this.complaints = complaints;
        this.decisions = decisions;
        this.metrics = metrics;
        this.config = config;
        this.rules = new AuditRules(AuditRules.Thresholds.of(config));
        this.clock = clock;
    }

    /**
     * Opens and judges the case of a request; a request that already has a case changes nothing, whatever its event
     * id, so a request published twice is audited (and answered) once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearRequested(ClearRequested request) {
        var snapshot = request.auditSnapshot();
        if (request.requestedAt() == null
                || snapshot == null
                || snapshot.idFingerprint() == null
                || snapshot.idFingerprint().isBlank()) {
            throw new MalformedEventException(
                    "ClearRequested " + request.requestId() + " lacks requestedAt, auditSnapshot or idFingerprint");
        }
        cases.lockOpening(request.requestId());
        if (cases.findByIdOptional(request.requestId()).isPresent()) {
            LOG.infof("audit case %s exists, ClearRequested ignored", request.requestId());
            return;
        }
        Instant now = Instant.now(clock);
        Instant requestedAt = request.requestedAt();
        var thresholds = rules.thresholds();
        long requests = 1
                + cases.countRequestsOfAccount(
                        request.accountId(), requestedAt.minus(thresholds.velocityWindow()), requestedAt);
        long clearings = clearedIdentities.countClearings(
                snapshot.idFingerprint(), requestedAt.minus(thresholds.repeatedClearingWindow()), requestedAt);
        AuditRules.Evaluation evaluation = rules.evaluate(new AuditRules.Facts(
                requestedAt,
                snapshot.restrictions(),
                snapshot.realNameVerifiedAt(),
                snapshot.lastSecurityChangeAt(),
                requests,
                clearings));

        AuditCase auditCase = open(request, now);
        for (AuditRules.Verdict verdict : evaluation.verdicts()) {
            var result = new RuleResult();
            result.requestId = auditCase.requestId;
            result.rule = verdict.rule().name();
            result.outcome = verdict.outcome();
            result.finality =
                    verdict.finality() == null ? null : verdict.finality().name();
            result.detail = verdict.detail();
            result.thresholds = verdict.thresholds();
            result.evaluatedAt = now;
            ruleResults.persist(result);
        }
        actions.persist(
                CaseAction.of(auditCase.requestId, now, CaseAction.SYSTEM, CaseActionType.OPENED, summary(evaluation)));
        switch (evaluation.outcome()) {
            case APPROVED ->
                decisions.decide(
                        auditCase, AuditCompleted.Decision.APPROVED, List.of(), null, null, AuditCompleted.AUTO, now);
            case REJECTED ->
                decisions.decide(
                        auditCase,
                        AuditCompleted.Decision.REJECTED,
                        evaluation.reasons(),
                        null,
                        null,
                        AuditCompleted.AUTO,
                        now);
            case REVIEW -> auditCase.state = CaseState.IN_REVIEW;
        }
        LOG.debugf("audit case %s opened: %s", auditCase.requestId, summary(evaluation));
    }

    private AuditCase open(ClearRequested request, Instant now) {
        var snapshot = request.auditSnapshot();
        Duration within = config.decisionWithin();
        var auditCase = new AuditCase();
        auditCase.requestId = request.requestId();
        auditCase.accountId = request.accountId();
        auditCase.state = CaseState.IN_REVIEW;
        auditCase.priority = Priority.NORMAL;
        auditCase.requestedAt = request.requestedAt();
        auditCase.locale = Locales.sanitize(request.locale());
        auditCase.accountCreatedAt = snapshot.accountCreatedAt();
        auditCase.accountAgeDays = snapshot.accountAgeDays();
        auditCase.realNameVerifiedAt = snapshot.realNameVerifiedAt();
        auditCase.lastSecurityChangeAt = snapshot.lastSecurityChangeAt();
        auditCase.restrictions = RestrictionCodes.joined(snapshot.restrictions());
        auditCase.idFingerprint = snapshot.idFingerprint().length() > 128 ? null : snapshot.idFingerprint();
        auditCase.createdAt = now;
        auditCase.escalateAt = now.plusMillis(within.toMillis() * config.escalateAtPercent() / 100);
        auditCase.dueAt = now.plus(within);
        cases.persist(auditCase);
        return auditCase;
    }

    private static String summary(AuditRules.Evaluation evaluation) {
        String flagged = evaluation.verdicts().stream()
                .filter(v -> v.outcome() != io.clearname.verification.entity.RuleOutcome.PASS)
                .map(v -> v.rule() + " " + v.outcome())
                .collect(Collectors.joining(", "));
        return "rules: " + evaluation.outcome() + (flagged.isEmpty() ? "" : " (" + flagged + ")");
    }

    /**
     * Follows a request's conclusion. CLEARED puts the identity's fingerprint into the history REPEATED_CLEARING
     * counts (once per request); WITHDRAWN closes the case if it is still open. Late and repeated events change
     * nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearingConcluded(ClearingConcluded event) {
        if (event.outcome() == null) {
            throw new MalformedEventException("ClearingConcluded " + event.requestId() + " lacks its outcome");
        }
        Instant now = Instant.now(clock);
        switch (event.outcome()) {
            case CLEARED -> recordClearing(event, now);
            case WITHDRAWN -> closeWithdrawn(event, now);
            case REJECTED -> LOG.debugf("request %s concluded REJECTED, nothing to do", event.requestId());
        }
    }

    private void recordClearing(ClearingConcluded event, Instant now) {
        var found = cases.lock(event.requestId());
        if (found.isEmpty() || !found.get().accountId.equals(event.accountId())) {
            // Without its case there is no fingerprint to remember: the request was never audited here.
            LOG.warnf("ClearingConcluded CLEARED for unknown request %s ignored", event.requestId());
            return;
        }
        AuditCase auditCase = found.get();
        if (clearedIdentities.findByIdOptional(auditCase.requestId).isPresent()) {
            return;
        }
        if (auditCase.idFingerprint == null) {
            LOG.warnf("audit case %s has no fingerprint; its clearing is not counted", auditCase.requestId);
            return;
        }
        var cleared = new ClearedIdentity();
        cleared.requestId = auditCase.requestId;
        cleared.idFingerprint = auditCase.idFingerprint;
        cleared.accountId = auditCase.accountId;
        cleared.clearedAt = event.concludedAt() == null ? now : event.concludedAt();
        clearedIdentities.persist(cleared);
        actions.persist(CaseAction.of(
                auditCase.requestId,
                now,
                CaseAction.SYSTEM,
                CaseActionType.CLEARED,
                "real name cleared at " + cleared.clearedAt + "; the identity's clearing is counted"));
        LOG.debugf("audit case %s: clearing recorded in the identity history", auditCase.requestId);
    }

    private void closeWithdrawn(ClearingConcluded event, Instant now) {
        var found = cases.lock(event.requestId());
        if (found.isEmpty() || !found.get().accountId.equals(event.accountId())) {
            LOG.warnf("ClearingConcluded WITHDRAWN for unknown request %s ignored", event.requestId());
            return;
        }
        AuditCase auditCase = found.get();
        if (!auditCase.isOpen()) {
            LOG.infof("audit case %s is %s, withdrawal changes nothing", auditCase.requestId, auditCase.state);
            return;
        }
        String heldBy = auditCase.assignee;
        auditCase.state = CaseState.WITHDRAWN;
        auditCase.closedAt = now;
        auditCase.assignee = null;
        auditCase.assignedAt = null;
        actions.persist(CaseAction.of(
                auditCase.requestId,
                now,
                CaseAction.SYSTEM,
                CaseActionType.WITHDRAWN,
                "withdrawn by its owner; closed without a decision"
                        + (heldBy == null ? "" : ", released from " + heldBy)));
        metrics.withdrawn();
        LOG.infof("audit case %s closed: withdrawn", auditCase.requestId);
    }

    /**
     * What the owner may know of the audit of their request: the case, the decision's reasons, their complaints.
     * Reviewers' details (the internal note, rule results, actions, reviewer ids) are the caller's to leave out.
     */
    public record OwnerAudit(AuditCase auditCase, List<ReasonCode> reasons, List<Complaint> complaints) {}

    /** The audit of the owner's request; 404 for anyone else's or an unknown request. */
    @Transactional
    public OwnerAudit view(UUID accountId, UUID requestId) {
        AuditCase auditCase = cases.findOwned(accountId, requestId)
                .orElseThrow(() -> VerificationProblems.notFound("No audit for this request."));
        return new OwnerAudit(auditCase, CaseDecisions.reasonsOf(auditCase), complaints.of(requestId));
    }
}
