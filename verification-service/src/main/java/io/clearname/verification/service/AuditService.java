package io.clearname.verification.service;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.MalformedEventException;
import io.clearname.events.ReasonCode;
import io.clearname.events.ReviewStarted;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.verification.config.AuditConfig;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.entity.RuleOutcome;
import io.clearname.verification.entity.RuleResult;
import io.clearname.verification.repository.AppealRepository;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.repository.EarlyConclusionRepository;
import io.clearname.verification.repository.RuleResultRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Opens one audit case per clearing request and judges it with the {@link AuditRules}: decided at once, or queued
 * for a reviewer under the SLA. What happens to the case once the request concludes is {@link ClearingConclusions}',
 * including a conclusion that arrived before the request: the case then opens closed, unjudged.
 */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditCaseRepository cases;
    private final RuleResultRepository ruleResults;
    private final CaseActionRepository actions;
    private final ClearedIdentityRepository clearedIdentities;
    private final EarlyConclusionRepository earlyConclusions;
    private final ClearingConclusions conclusions;
    private final CaseDecisions decisions;
    private final AppealRepository appeals;
    private final OutboxWriter outbox;
    private final AuditConfig config;
    private final AuditRules rules;
    private final Clock clock;

    public AuditService(
            AuditCaseRepository cases,
            RuleResultRepository ruleResults,
            CaseActionRepository actions,
            ClearedIdentityRepository clearedIdentities,
            EarlyConclusionRepository earlyConclusions,
            ClearingConclusions conclusions,
            CaseDecisions decisions,
            AppealRepository appeals,
            OutboxWriter outbox,
            AuditConfig config,
            Clock clock) {
        this.cases = cases;
        this.ruleResults = ruleResults;
        this.actions = actions;
        this.clearedIdentities = clearedIdentities;
        this.earlyConclusions = earlyConclusions;
        this.conclusions = conclusions;
        this.decisions = decisions;
        this.appeals = appeals;
        this.outbox = outbox;
        this.config = config;
        this.rules = new AuditRules(AuditRules.Thresholds.of(config));
        this.clock = clock;
    }

    /**
     * Opens and judges the case of a request; a request that already has a case changes nothing, whatever its event
     * id, so a request published twice is audited (and answered) once. A request whose conclusion arrived first
     * opens its case closed: no rules, no AuditCompleted, never in the queue or under the SLA.
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
        // As the database keeps times (microseconds, rounded), so that events and the API agree.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var early = earlyConclusions.findByIdOptional(request.requestId());
        if (early.isPresent()) {
            earlyConclusions.delete(early.get());
            if (early.get().accountId.equals(request.accountId())) {
                conclusions.closeOnOpening(open(request, now), early.get(), now);
                return;
            }
            LOG.warnf("the early conclusion of request %s named another account; ignored", request.requestId());
        }
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
        Optional<Appeal> waiver = appeals.lockWaiverFor(request.accountId(), requestedAt);
        List<AuditRules.Rule> setAside = List.of();
        if (waiver.isPresent()) {
            Set<ReasonCode> reasons = Set.copyOf(AppealService.reasonsOf(waiver.get()));
            setAside = evaluation.verdicts().stream()
                    .filter(v -> v.outcome() == RuleOutcome.REJECT
                            && reasons.contains(v.rule().reasonCode()))
                    .map(AuditRules.Verdict::rule)
                    .toList();
            evaluation = rules.setAside(evaluation, Set.copyOf(setAside), "set aside by appeal " + waiver.get().id);
            waiver.get().waivedForRequestId = request.requestId();
        }

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
        if (waiver.isPresent()) {
            actions.persist(CaseAction.of(
                    auditCase.requestId,
                    now,
                    CaseAction.SYSTEM,
                    CaseActionType.SET_ASIDE,
                    "appeal " + waiver.get().id + " of request " + waiver.get().requestId + " set aside: "
                            + (setAside.isEmpty()
                                    ? "nothing (no rule rejected for its reasons)"
                                    : setAside.stream().map(Enum::name).collect(Collectors.joining(", ")))));
        }
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
            case REVIEW -> {
                auditCase.state = CaseState.IN_REVIEW;
                // The person hears that a reviewer will look, and by when; never for a case decided or opened closed.
                outbox.append(new ReviewStarted(auditCase.requestId, auditCase.accountId, now, auditCase.dueAt));
            }
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
                .filter(v -> v.outcome() != RuleOutcome.PASS)
                .map(v -> v.rule() + " " + v.outcome())
                .collect(Collectors.joining(", "));
        return "rules: " + evaluation.outcome() + (flagged.isEmpty() ? "" : " (" + flagged + ")");
    }
}
