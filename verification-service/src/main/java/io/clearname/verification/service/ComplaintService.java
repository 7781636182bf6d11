package io.clearname.verification.service;

import io.clearname.events.ComplaintReceived;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Complaints of a request's owner. On an open case a complaint raises its priority; on a decided or withdrawn one it
 * is recorded as an appeal for customer service and the case stays as it is. Either way the person is told it was
 * received (ComplaintReceived, without the text). The text is masked before it is stored and never logged.
 */
@ApplicationScoped
public class ComplaintService {

    private static final Logger LOG = Logger.getLogger(ComplaintService.class);

    /** A complaint, and whether it was recorded by an earlier call with the same Idempotency-Key. */
    public record Filed(Complaint complaint, boolean replayed) {}

    private final AuditCaseRepository cases;
    private final ComplaintRepository complaints;
    private final CaseActionRepository actions;
    private final OutboxWriter outbox;
    private final AuditMetrics metrics;
    private final Clock clock;

    public ComplaintService(
            AuditCaseRepository cases,
            ComplaintRepository complaints,
            CaseActionRepository actions,
            OutboxWriter outbox,
            AuditMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.complaints = complaints;
        this.actions = actions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records a complaint; 404 unless the caller owns the request. With an {@code idempotencyKey} a retry returns the
     * first complaint (422 if its text differs); the case lock orders concurrent retries.
     */
    @Transactional
    public Filed file(UUID accountId, UUID requestId, String idempotencyKey, String message) {
        AuditCase auditCase = cases.lock(requestId)
                .filter(c -> c.accountId.equals(accountId))
                .orElseThrow(() -> VerificationProblems.notFound("No audit for this request."));
        String masked = ComplaintMasker.mask(message.strip());
        if (masked.length() > 2000) {
            masked = masked.substring(0, 2000);
        }
        String hash = sha256(masked);
        if (idempotencyKey != null) {
            var earlier = complaints.findByIdempotencyKey(accountId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().requestId.equals(requestId)
                        || !earlier.get().messageHash.equals(hash)) {
                    throw new ProblemException(
                            ProblemType.Common.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different complaint; use a new key.");
                }
                return new Filed(earlier.get(), true);
            }
        }

        Instant now = Instant.now(clock);
        var complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.requestId = requestId;
        complaint.accountId = accountId;
        complaint.receivedAt = now;
        complaint.kind = auditCase.isOpen() ? ComplaintKind.ESCALATION : ComplaintKind.APPEAL;
        complaint.message = masked;
        complaint.idempotencyKey = idempotencyKey;
        complaint.messageHash = hash;
        try {
            complaints.persistAndFlush(complaint);
        } catch (PersistenceException e) {
            // The same key, at the same moment, on another of the account's requests (each holds its own case lock).
            throw new ProblemException(
                    ProblemType.Common.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different complaint; use a new key.");
        }

        if (complaint.kind == ComplaintKind.ESCALATION) {
            var before = auditCase.priority;
            auditCase.priority = before.raised();
            actions.persist(CaseAction.of(
                    requestId,
                    now,
                    CaseAction.OWNER,
                    CaseActionType.COMPLAINT,
                    "complaint " + complaint.id + "; priority " + before + " -> " + auditCase.priority));
        } else {
            actions.persist(CaseAction.of(
                    requestId,
                    now,
                    CaseAction.OWNER,
                    CaseActionType.APPEAL,
                    "complaint " + complaint.id + " on a " + auditCase.state + " case, for customer service"));
        }
        outbox.append(new ComplaintReceived(complaint.id, requestId, accountId, now, auditCase.dueAt));
        metrics.complaint(complaint.kind.name());
        LOG.infof("complaint %s on audit case %s recorded as %s", complaint.id, requestId, complaint.kind);
        return new Filed(complaint, false);
    }

    /** The complaints on the owner's request, oldest first; 404 for anyone else's. */
    @Transactional
    public List<Complaint> list(UUID accountId, UUID requestId) {
        cases.findOwned(accountId, requestId)
                .orElseThrow(() -> VerificationProblems.notFound("No audit for this request."));
        return complaints.of(requestId);
    }

    /** One complaint of the owner's request; 404 for anyone else's. */
    @Transactional
    public Complaint get(UUID accountId, UUID requestId, UUID complaintId) {
        return complaints
                .findByIdOptional(complaintId)
                .filter(c -> c.accountId.equals(accountId) && c.requestId.equals(requestId))
                .orElseThrow(() -> VerificationProblems.notFound("No such complaint."));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
