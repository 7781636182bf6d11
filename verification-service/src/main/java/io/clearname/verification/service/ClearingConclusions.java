package io.clearname.verification.service;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.MalformedEventException;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.ClearedIdentity;
import io.clearname.verification.entity.EarlyConclusion;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.repository.EarlyConclusionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies a request's conclusion, as account-service publishes it ({@code ClearingConcluded}), to its audit case. A
 * conclusion that overtakes its request (they travel on different topics) is kept as an {@link EarlyConclusion} and
 * applied when the request arrives: the case then opens closed (docs/event-ordering.md).
 */
@ApplicationScoped
public class ClearingConclusions {

    private static final Logger LOG = Logger.getLogger(ClearingConclusions.class);

    private final AuditCaseRepository cases;
    private final CaseActionRepository actions;
    private final ClearedIdentityRepository clearedIdentities;
    private final EarlyConclusionRepository earlyConclusions;
    private final AuditMetrics metrics;
    private final Clock clock;

    public ClearingConclusions(
            AuditCaseRepository cases,
            CaseActionRepository actions,
            ClearedIdentityRepository clearedIdentities,
            EarlyConclusionRepository earlyConclusions,
            AuditMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.clearedIdentities = clearedIdentities;
        this.earlyConclusions = earlyConclusions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Follows a request's conclusion. CLEARED puts the identity's fingerprint into the history REPEATED_CLEARING
     * counts (once per request); WITHDRAWN closes the case if it is still open. Without a case yet, the conclusion is
     * kept for the request to find. Late and repeated events change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearingConcluded(ClearingConcluded event) {
        if (event.outcome() == null || event.requestId() == null || event.accountId() == null) {
            throw new MalformedEventException(
                    "ClearingConcluded " + event.requestId() + " lacks its outcome, request or account");
        }
        Instant now = Instant.now(clock);
        // The lock AuditService opens a case under: a ClearRequested applied at the same moment either opened its
        // case before this reads it, or finds the early conclusion this writes.
        cases.lockOpening(event.requestId());
        var found = cases.lock(event.requestId());
        if (found.isEmpty()) {
            rememberEarly(event, now);
            return;
        }
        AuditCase auditCase = found.get();
        if (!auditCase.accountId.equals(event.accountId())) {
            LOG.warnf(
                    "ClearingConcluded %s for request %s of another account ignored",
                    event.outcome(), auditCase.requestId);
            return;
        }
        switch (event.outcome()) {
            case CLEARED -> recordClearing(auditCase, event.concludedAt(), now);
            case WITHDRAWN -> closeWithdrawn(auditCase, now);
            case REJECTED -> LOG.debugf("request %s concluded REJECTED, nothing to do", event.requestId());
        }
    }

    /**
     * Closes the case of a request whose conclusion arrived first, as it opens: WITHDRAWN for a withdrawal, else
     * CONCLUDED; a clearing joins the identity history, now that the case holds the fingerprint. The caller opened
     * the case under the opening lock in its transaction, ran no rules, and forgets the early conclusion.
     */
    void closeOnOpening(AuditCase auditCase, EarlyConclusion early, Instant now) {
        boolean withdrawn = early.outcome == ClearingConcluded.Outcome.WITHDRAWN;
        auditCase.state = withdrawn ? CaseState.WITHDRAWN : CaseState.CONCLUDED;
        auditCase.closedAt = now;
        actions.persist(CaseAction.of(
                auditCase.requestId,
                now,
                CaseAction.SYSTEM,
                CaseActionType.OPENED,
                "not audited: the request had concluded " + early.outcome
                        + (early.concludedAt == null ? "" : " at " + early.concludedAt)
                        + " before it arrived; closed at once"));
        switch (early.outcome) {
            case WITHDRAWN -> {
                actions.persist(CaseAction.of(
                        auditCase.requestId,
                        now,
                        CaseAction.SYSTEM,
                        CaseActionType.WITHDRAWN,
                        "withdrawn by its owner before the audit began; closed without a decision"));
                metrics.withdrawn();
            }
            case CLEARED -> recordClearing(auditCase, early.concludedAt, now);
            case REJECTED -> {}
        }
        LOG.infof("audit case %s opened closed: its request had concluded %s", auditCase.requestId, early.outcome);
    }

    private void rememberEarly(ClearingConcluded event, Instant now) {
        var kept = earlyConclusions.findByIdOptional(event.requestId());
        if (kept.isPresent()) {
            // A request concludes once; a second conclusion under another event id changes nothing.
            LOG.infof(
                    "ClearingConcluded %s for request %s ignored: %s arrived before it, its request not yet",
                    event.outcome(), event.requestId(), kept.get().outcome);
            return;
        }
        var early = new EarlyConclusion();
        early.requestId = event.requestId();
        early.accountId = event.accountId();
        early.outcome = event.outcome();
        early.concludedAt = event.concludedAt();
        early.receivedAt = now;
        earlyConclusions.persist(early);
        LOG.infof(
                "ClearingConcluded %s for request %s arrived before its ClearRequested; kept for it",
                event.outcome(), event.requestId());
    }

    private void recordClearing(AuditCase auditCase, Instant concludedAt, Instant now) {
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
        cleared.clearedAt = concludedAt == null ? now : concludedAt;
        clearedIdentities.persist(cleared);
        actions.persist(CaseAction.of(
                auditCase.requestId,
                now,
                CaseAction.SYSTEM,
                CaseActionType.CLEARED,
                "real name cleared at " + cleared.clearedAt + "; the identity's clearing is counted"));
        LOG.debugf("audit case %s: clearing recorded in the identity history", auditCase.requestId);
    }

    private void closeWithdrawn(AuditCase auditCase, Instant now) {
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
}
