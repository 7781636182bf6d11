package io.clearname.verification.service;

import io.clearname.events.AuditCompleted.Decision;
import io.clearname.events.ReasonCode;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Manual review: the queue, assignment (one reviewer at a time) and decisions. Every change locks the case first, so
 * reviewers, the SLA scheduler, complaints and a withdrawal apply one after the other.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    /** How the listing may be sorted; {@code priority} by default. */
    public enum SortOrder {
        /** Highest priority first, then the earliest due date. */
        PRIORITY(Sort.by("priority", Sort.Direction.Descending).and("dueAt").and("requestId")),
        /** Earliest due date first, then the highest priority. */
        DUE(Sort.by("dueAt").and("priority", Sort.Direction.Descending).and("requestId")),
        /** Oldest case first. */
        CREATED(Sort.by("createdAt").and("requestId"));

        private final Sort sort;

        SortOrder(Sort sort) {
            this.sort = sort;
        }

        public static Optional<SortOrder> of(String name) {
            return Arrays.stream(values())
                    .filter(s -> s.name().equalsIgnoreCase(name))
                    .findFirst();
        }
    }

    /** A case in the queue: the rules that sent it to review, and how many complaints it has. */
    public record QueueEntry(AuditCase auditCase, List<String> reviewFor, long complaints) {}

    /** One page of the queue; {@code total} counts every case matching the filter. */
    public record QueuePage(List<QueueEntry> entries, int page, int size, long total) {}

    /**
     * A reviewer's decision.
     *
     * @param reasonCodes names of catalogue codes, checked here (422 naming each unknown one)
     * @param userMessage what the person is told; null or blank composes it from the reasons
     * @param internalNote for reviewers only
     */
    public record Verdict(Decision decision, List<String> reasonCodes, String userMessage, String internalNote) {}

    private final AuditCaseRepository cases;
    private final CaseActionRepository actions;
    private final ComplaintRepository complaints;
    private final CaseDecisions decisions;
    private final CaseFiles files;
    private final Clock clock;

    public ReviewService(
            AuditCaseRepository cases,
            CaseActionRepository actions,
            ComplaintRepository complaints,
            CaseDecisions decisions,
            CaseFiles files,
            Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.complaints = complaints;
        this.decisions = decisions;
        this.files = files;
        this.clock = clock;
    }

    @Transactional
    public QueuePage list(CaseFilter filter, SortOrder sort, int page, int size) {
        var found = cases.list(criteria(filter), sort.sort, page, size);
        Map<UUID, Long> counts =
                complaints.countsOf(found.cases().stream().map(c -> c.requestId).toList());
        return new QueuePage(
                found.cases().stream()
                        .map(c -> new QueueEntry(c, files.reviewFor(c), counts.getOrDefault(c.requestId, 0L)))
                        .toList(),
                page,
                size,
                found.total());
    }

    /** The repository keeps its own query criteria, so that it depends on entities only, not on this layer. */
    private static AuditCaseRepository.Filter criteria(CaseFilter filter) {
        return new AuditCaseRepository.Filter(
                filter.state(),
                filter.priority(),
                filter.assignee(),
                filter.unassigned(),
                filter.escalated(),
                filter.breached(),
                filter.accountId());
    }

    @Transactional
    public CaseFile get(UUID requestId) {
        return files.of(require(requestId, false));
    }

    /** Claims the case for {@code reviewer}: 409 while another reviewer holds it; claiming it again changes nothing. */
    @Transactional
    public CaseFile assign(String reviewer, UUID requestId) {
        AuditCase auditCase = requireOpen(requestId);
        if (auditCase.assignee != null && !auditCase.assignee.equals(reviewer)) {
            throw heldByAnother(auditCase);
        }
        if (auditCase.assignee == null) {
            claim(auditCase, reviewer, Instant.now(clock), "claimed");
        }
        return files.of(auditCase);
    }

    /** Lets the case go back to the queue: 409 if another reviewer holds it; releasing a free case changes nothing. */
    @Transactional
    public CaseFile release(String reviewer, UUID requestId) {
        AuditCase auditCase = requireOpen(requestId);
        if (auditCase.assignee != null && !auditCase.assignee.equals(reviewer)) {
            throw heldByAnother(auditCase);
        }
        if (auditCase.assignee != null) {
            auditCase.assignee = null;
            auditCase.assignedAt = null;
            actions.persist(CaseAction.of(
                    requestId, Instant.now(clock), reviewer, CaseActionType.RELEASED, "back in the queue"));
        }
        return files.of(auditCase);
    }

    /**
     * A lead gives the case to {@code reviewer}, whoever holds it now (a REASSIGNED action, the lead as actor); 409 once
     * the case is not open. Giving it to its holder changes nothing.
     */
    @Transactional
    public CaseFile reassign(String lead, UUID requestId, String reviewer, String note) {
        AuditCase auditCase = requireOpen(requestId);
        if (!reviewer.equals(auditCase.assignee)) {
            Instant now = Instant.now(clock);
            String from = auditCase.assignee == null ? "nobody" : auditCase.assignee;
            auditCase.assignee = reviewer;
            auditCase.assignedAt = now;
            actions.persist(CaseAction.of(
                    requestId,
                    now,
                    lead,
                    CaseActionType.REASSIGNED,
                    "from " + from + " to " + reviewer + Notes.suffix(note)));
            LOG.infof("audit case %s reassigned from %s to %s by %s", requestId, from, reviewer, lead);
        }
        return files.of(auditCase);
    }

    /**
     * Decides an open case and publishes its AuditCompleted. A case nobody holds is claimed by the deciding reviewer
     * (recorded as an assignment); one held by another reviewer is refused (409), as is a decided or withdrawn case.
     */
    @Transactional
    public CaseFile decide(String reviewer, UUID requestId, Verdict verdict) {
        Decision decision = verdict.decision();
        List<ReasonCode> reasons = reasonCodes(decision, verdict.reasonCodes());
        AuditCase auditCase = requireOpen(requestId);
        if (auditCase.assignee != null && !auditCase.assignee.equals(reviewer)) {
            throw heldByAnother(auditCase);
        }
        Instant now = Instant.now(clock);
        if (auditCase.assignee == null) {
            claim(auditCase, reviewer, now, "claimed by deciding");
        }
        decisions.decide(auditCase, decision, reasons, verdict.userMessage(), verdict.internalNote(), reviewer, now);
        LOG.infof("audit case %s decided %s by reviewer %s", requestId, decision, reviewer);
        return files.of(auditCase);
    }

    /** The catalogue reviewers choose reasons from. */
    public List<ReasonCode> reasonCodes() {
        return List.of(ReasonCode.values());
    }

    /** Catalogue codes only (422 naming each unknown one); at least one to reject, none to approve. */
    private static List<ReasonCode> reasonCodes(Decision decision, List<String> codes) {
        List<String> given = codes == null ? List.of() : codes;
        List<Map<String, String>> errors = new ArrayList<>();
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Optional<ReasonCode> code = ReasonCode.of(given.get(i));
            if (code.isEmpty()) {
                errors.add(Map.of(
                        "field",
                        "reasonCodes[" + i + "]",
                        "message",
                        "must be a code of the catalogue (GET /api/v1/review/reason-codes)"));
            } else if (!reasons.contains(code.get())) {
                reasons.add(code.get());
            }
        }
        if (!errors.isEmpty()) {
            throw VerificationProblems.invalid(errors);
        }
        if (decision == Decision.REJECTED && reasons.isEmpty()) {
            throw VerificationProblems.invalid("reasonCodes", "a rejection needs at least one reason code");
        }
        if (decision == Decision.APPROVED && !reasons.isEmpty()) {
            throw VerificationProblems.invalid("reasonCodes", "an approval carries no reason codes");
        }
        return reasons;
    }

    private void claim(AuditCase auditCase, String reviewer, Instant now, String detail) {
        auditCase.assignee = reviewer;
        auditCase.assignedAt = now;
        actions.persist(CaseAction.of(auditCase.requestId, now, reviewer, CaseActionType.ASSIGNED, detail));
    }

    private AuditCase requireOpen(UUID requestId) {
        AuditCase auditCase = require(requestId, true);
        if (!auditCase.isOpen()) {
            throw new ProblemException(Problem.of(
                            VerificationProblems.CASE_NOT_OPEN,
                            "The case is " + auditCase.state + "; it can no longer be assigned or decided.")
                    .with("state", auditCase.state));
        }
        return auditCase;
    }

    private AuditCase require(UUID requestId, boolean lock) {
        return (lock ? cases.lock(requestId) : cases.findByIdOptional(requestId))
                .orElseThrow(() -> VerificationProblems.notFound("No audit case for this request."));
    }

    private static ProblemException heldByAnother(AuditCase auditCase) {
        return new ProblemException(Problem.of(
                        VerificationProblems.CASE_ASSIGNED, "Another reviewer holds this case; ask them to release it.")
                .with("assignee", auditCase.assignee));
    }
}
