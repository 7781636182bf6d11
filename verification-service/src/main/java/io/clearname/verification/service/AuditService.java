package io.clearname.verification.service;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.verification.config.AuditConfig;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.rest.AuditView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opens one audit case per clearing request and decides it. The rules (restrictions, repeated clearing, velocity,
 * recent changes) and manual review are not here yet: every case is approved automatically.
 */
@ApplicationScoped
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditCaseRepository cases;
    private final OutboxWriter outbox;
    private final AuditConfig config;
    private final Clock clock;

    public AuditService(AuditCaseRepository cases, OutboxWriter outbox, AuditConfig config, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Opens and decides the case of a request; a request that already has a case changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClearRequested(ClearRequested request) {
        if (cases.findByIdOptional(request.requestId()).isPresent()) {
            LOG.infof("audit case %s exists, ClearRequested ignored", request.requestId());
            return;
        }
        Instant now = Instant.now(clock);
        var auditCase = new AuditCase();
        auditCase.requestId = request.requestId();
        auditCase.accountId = request.accountId();
        auditCase.createdAt = now;
        auditCase.dueAt = now.plus(config.decisionWithin());
        auditCase.state = CaseState.DECIDED;
        auditCase.decision = AuditCompleted.Decision.APPROVED.name();
        auditCase.decidedBy = AuditCompleted.AUTO;
        auditCase.decidedAt = now;
        cases.persist(auditCase);
        outbox.append(new AuditCompleted(
                request.requestId(),
                request.accountId(),
                AuditCompleted.Decision.APPROVED,
                List.of(),
                "Your request passed the audit.",
                AuditCompleted.AUTO,
                now));
        LOG.infof("audit case %s approved automatically", request.requestId());
    }

    @Transactional
    public AuditView view(UUID accountId, UUID requestId) {
        return cases.findOwned(accountId, requestId)
                .map(c -> new AuditView(c.requestId, c.state, c.decision, c.dueAt, c.decidedAt))
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No audit for this request."));
    }
}
