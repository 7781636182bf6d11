package io.clearname.verification.service;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ComplaintAnswered;
import io.clearname.events.ComplaintReceived;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.verification.config.ComplaintHandlingConfig;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AppealState;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.entity.ComplaintStatus;
import io.clearname.verification.repository.AppealRepository;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Complaints of a request's owner, and their answers. On an open case a complaint raises its priority (ESCALATION); on
 * a rejected case without an appeal it opens one (APPEAL, a second review by another reviewer); on any other closed
 * case it goes to customer service (COMPLAINT). Either way the person is told it was received (ComplaintReceived,
 * without the text). Staff answer it (ComplaintAnswered), except an appeal, which its decision answers. Texts and
 * answers are masked before they are stored and never logged.
 */
@ApplicationScoped
public class ComplaintService {

    private static final Logger LOG = Logger.getLogger(ComplaintService.class);

    /** A complaint, and whether it was recorded by an earlier call with the same Idempotency-Key. */
    public record Filed(Complaint complaint, boolean replayed) {}

    /** A complaint as staff see it: with the appeal it opened, if any. */
    public record Handled(Complaint complaint, UUID appealId) {}

    private final AuditCaseRepository cases;
    private final ComplaintRepository complaints;
    private final CaseActionRepository actions;
    private final AppealRepository appeals;
    private final OutboxWriter outbox;
    private final AuditMetrics metrics;
    private final ComplaintHandlingConfig config;
    private final Clock clock;

    public ComplaintService(
            AuditCaseRepository cases,
            ComplaintRepository complaints,
            CaseActionRepository actions,
            AppealRepository appeals,
            OutboxWriter outbox,
            AuditMetrics metrics,
            ComplaintHandlingConfig config,
            Clock clock) {
        this.cases = cases;
        this.complaints = complaints;
        this.actions = actions;
        this.appeals = appeals;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
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
        String masked = masked(message);
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

        Instant now = now();
        var complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.requestId = requestId;
        complaint.accountId = accountId;
        complaint.receivedAt = now;
        complaint.kind = kindFor(auditCase);
        complaint.status = ComplaintStatus.OPEN;
        complaint.dueAt = switch (complaint.kind) {
            case ESCALATION -> auditCase.dueAt;
            case APPEAL -> now.plus(config.appealDueWithin());
            case COMPLAINT -> now.plus(config.answerDueWithin());
        };
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

        switch (complaint.kind) {
            case ESCALATION -> {
                var before = auditCase.priority;
                auditCase.priority = before.raised();
                actions.persist(CaseAction.of(
                        requestId,
                        now,
                        CaseAction.OWNER,
                        CaseActionType.COMPLAINT,
                        "complaint " + complaint.id + "; priority " + before + " -> " + auditCase.priority));
            }
            case APPEAL -> {
                Appeal appeal = openAppeal(auditCase, complaint, now);
                actions.persist(CaseAction.of(
                        requestId,
                        now,
                        CaseAction.OWNER,
                        CaseActionType.APPEAL,
                        "complaint " + complaint.id + " opened appeal " + appeal.id + " against the decision of "
                                + auditCase.decidedBy));
            }
            case COMPLAINT ->
                actions.persist(CaseAction.of(
                        requestId,
                        now,
                        CaseAction.OWNER,
                        CaseActionType.COMPLAINT,
                        "complaint " + complaint.id + " on a " + auditCase.state + " case, for customer service"));
        }
        outbox.append(
                new ComplaintReceived(complaint.id, requestId, accountId, now, complaint.dueAt, complaint.kind.name()));
        metrics.complaint(complaint.kind.name());
        LOG.infof("complaint %s on audit case %s recorded as %s", complaint.id, requestId, complaint.kind);
        return new Filed(complaint, false);
    }

    /**
     * ESCALATION while the case is open; APPEAL for a rejection nobody appealed yet; COMPLAINT otherwise (approved,
     * withdrawn or concluded cases, and any complaint after the one appeal a rejection gets).
     */
    private ComplaintKind kindFor(AuditCase auditCase) {
        if (auditCase.isOpen()) {
            return ComplaintKind.ESCALATION;
        }
        if (auditCase.state == CaseState.DECIDED
                && AuditCompleted.Decision.REJECTED.name().equals(auditCase.decision)
                && appeals.ofRequest(auditCase.requestId).isEmpty()) {
            return ComplaintKind.APPEAL;
        }
        return ComplaintKind.COMPLAINT;
    }

    private Appeal openAppeal(AuditCase auditCase, Complaint complaint, Instant now) {
        var appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.requestId = auditCase.requestId;
        appeal.accountId = auditCase.accountId;
        appeal.complaintId = complaint.id;
        appeal.state = AppealState.OPEN;
        appeal.firstDecidedBy = auditCase.decidedBy == null ? AuditCompleted.AUTO : auditCase.decidedBy;
        appeal.reasons = auditCase.reasons;
        appeal.createdAt = now;
        appeal.dueAt = complaint.dueAt;
        appeals.persist(appeal);
        return appeal;
    }

    /** The staff queue: complaints oldest due first, with the appeal each opened. */
    @Transactional
    public List<Handled> queue(ComplaintStatus status, ComplaintKind kind, int limit) {
        return complaints.queue(status, kind, limit).stream().map(this::handled).toList();
    }

    /** One complaint for staff; 404 when there is none. */
    @Transactional
    public Handled find(UUID complaintId) {
        return handled(complaints
                .findByIdOptional(complaintId)
                .orElseThrow(() -> VerificationProblems.notFound("No such complaint.")));
    }

    /**
     * Answers a complaint for {@code staff} and tells the person (ComplaintAnswered, the answer masked). A retry with
     * the same answer changes nothing; another answer to an answered complaint is 409 {@code complaint-answered}; an
     * appeal is answered by its decision (409 {@code appeal-pending}).
     */
    @Transactional
    public Handled answer(String staff, UUID complaintId, String answer) {
        Complaint found = complaints
                .findByIdOptional(complaintId)
                .orElseThrow(() -> VerificationProblems.notFound("No such complaint."));
        // The case first, as everything else that changes a case and its complaints locks it.
        cases.lock(found.requestId);
        // Read again under a row lock: what was read before the case lock may have been answered since.
        complaints.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Complaint complaint = found;
        String masked = masked(answer);
        if (complaint.status == ComplaintStatus.ANSWERED) {
            if (Objects.equals(complaint.answer, masked)) {
                return handled(complaint);
            }
            throw new ProblemException(Problem.of(
                            VerificationProblems.COMPLAINT_ANSWERED, "The complaint was answered; it takes one answer.")
                    .with("answeredAt", complaint.answeredAt.toString()));
        }
        if (complaint.kind == ComplaintKind.APPEAL) {
            var appeal = appeals.ofComplaint(complaintId);
            var problem = Problem.of(
                    VerificationProblems.APPEAL_PENDING,
                    "This complaint opened an appeal; the appeal's decision answers it.");
            throw new ProblemException(
                    appeal.isPresent()
                            ? problem.with("appealId", appeal.get().id.toString())
                            : problem);
        }
        Instant now = now();
        complaint.status = ComplaintStatus.ANSWERED;
        complaint.answer = masked;
        complaint.answeredBy = staff;
        complaint.answeredAt = now;
        actions.persist(CaseAction.of(
                complaint.requestId, now, staff, CaseActionType.COMPLAINT_ANSWERED, "complaint " + complaint.id));
        outbox.append(new ComplaintAnswered(complaint.id, complaint.requestId, complaint.accountId, now, masked));
        LOG.infof("complaint %s on audit case %s answered by %s", complaint.id, complaint.requestId, staff);
        return handled(complaint);
    }

    private Handled handled(Complaint complaint) {
        return new Handled(
                complaint, appeals.ofComplaint(complaint.id).map(a -> a.id).orElse(null));
    }

    /** Masked, then cut to the 2000 characters events and columns allow. */
    static String masked(String text) {
        String masked = ComplaintMasker.mask(text.strip());
        return masked.length() > 2000 ? masked.substring(0, 2000) : masked;
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

    /** Now, as the database keeps times (microseconds), so that events and the API agree. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
