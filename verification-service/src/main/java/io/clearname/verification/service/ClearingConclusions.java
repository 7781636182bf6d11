package io.clearname.verification.service;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.MalformedEventException;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.ClearedIdentity;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ClearedIdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Applies a request's conclusion, as account-service publishes it ({@code ClearingConcluded}), to its audit case. */
@ApplicationScoped
public class ClearingConclusions {

    private static final Logger LOG = Logger.getLogger(ClearingConclusions.class);

    private final AuditCaseRepository cases;
    private final CaseActionRepository actions;
    private final ClearedIdentityRepository clearedIdentities;
    private final AuditMetrics metrics;
    private final Clock clock;

    public ClearingConclusions(
            AuditCaseRepository cases,
            CaseActionRepository actions,
            ClearedIdentityRepository clearedIdentities,
            AuditMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.clearedIdentities = clearedIdentities;
        this.metrics = metrics;
        this.clock = clock;
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
}
