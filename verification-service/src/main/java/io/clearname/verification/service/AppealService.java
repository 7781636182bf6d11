package io.clearname.verification.service;

import io.clearname.events.AppealDecided;
import io.clearname.events.AppealDecided.Outcome;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ReasonCode;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.verification.config.ComplaintHandlingConfig;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AppealState;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.ComplaintStatus;
import io.clearname.verification.repository.AppealRepository;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import io.clearname.verification.repository.ComplaintRepository;
import io.clearname.verification.repository.RuleResultRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Appeals: the second review of a rejected request, by a reviewer other than the one who made the first decision (for
 * an automatic first decision, anyone). One reviewer holds an appeal at a time; its decision is final, answers the
 * complaint that opened it and is published as AppealDecided. Every change locks the case, then the appeal.
 */
@ApplicationScoped
public class AppealService {

    private static final Logger LOG = Logger.getLogger(AppealService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * A second reviewer's decision.
     *
     * @param userMessage what the person is told; null or blank composes it in the request's language
     * @param internalNote for reviewers only
     */
    public record Ruling(Outcome outcome, String userMessage, String internalNote) {}

    private final AppealRepository appeals;
    private final AuditCaseRepository cases;
    private final ComplaintRepository complaints;
    private final RuleResultRepository ruleResults;
    private final CaseActionRepository actions;
    private final OutboxWriter outbox;
    private final ComplaintHandlingConfig config;
    private final Clock clock;

    public AppealService(
            AppealRepository appeals,
            AuditCaseRepository cases,
            ComplaintRepository complaints,
            RuleResultRepository ruleResults,
            CaseActionRepository actions,
            OutboxWriter outbox,
            ComplaintHandlingConfig config,
            Clock clock) {
        this.appeals = appeals;
        this.cases = cases;
        this.complaints = complaints;
        this.ruleResults = ruleResults;
        this.actions = actions;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Appeals oldest due first; a null state lists all. */
    @Transactional
    public List<Appeal> list(AppealState state, int limit) {
        return appeals.queue(state, limit);
    }

    @Transactional
    public AppealFile get(UUID appealId) {
        return file(appeals.findByIdOptional(appealId).orElseThrow(AppealService::notFound));
    }

    /**
     * Claims the appeal for {@code reviewer}: 409 when the reviewer made the first decision, when another reviewer
     * holds it, or when it is decided; claiming it again changes nothing.
     */
    @Transactional
    public AppealFile assign(String reviewer, UUID appealId) {
        Appeal appeal = requireOpen(appealId);
        refuseFirstDecider(appeal, reviewer);
        if (appeal.assignee != null && !appeal.assignee.equals(reviewer)) {
            throw heldByAnother(appeal);
        }
        if (appeal.assignee == null) {
            claim(appeal, reviewer, now(), "claimed");
        }
        return file(appeal);
    }

    /** Lets the appeal go: 409 if another reviewer holds it; releasing a free appeal changes nothing. */
    @Transactional
    public AppealFile release(String reviewer, UUID appealId) {
        Appeal appeal = requireOpen(appealId);
        if (appeal.assignee != null && !appeal.assignee.equals(reviewer)) {
            throw heldByAnother(appeal);
        }
        if (appeal.assignee != null) {
            appeal.assignee = null;
            appeal.assignedAt = null;
            actions.persist(CaseAction.of(
                    appeal.requestId,
                    now(),
                    reviewer,
                    CaseActionType.APPEAL_RELEASED,
                    "appeal " + appeal.id + " back in the queue"));
        }
        return file(appeal);
    }

    /** A lead gives the appeal to {@code reviewer}, never to the first decider; 409 once decided. */
    @Transactional
    public AppealFile reassign(String lead, UUID appealId, String reviewer, String note) {
        Appeal appeal = requireOpen(appealId);
        refuseFirstDecider(appeal, reviewer);
        if (!reviewer.equals(appeal.assignee)) {
            Instant now = now();
            String from = appeal.assignee == null ? "nobody" : appeal.assignee;
            appeal.assignee = reviewer;
            appeal.assignedAt = now;
            actions.persist(CaseAction.of(
                    appeal.requestId,
                    now,
                    lead,
                    CaseActionType.APPEAL_REASSIGNED,
                    "appeal " + appeal.id + " from " + from + " to " + reviewer + Notes.suffix(note)));
        }
        return file(appeal);
    }

    /**
     * Decides the appeal, finally: UPHELD (the rejection stands) or OVERTURNED (the account's next request within
     * {@code complaints.appeal-window} is not rejected for the first decision's reasons). An appeal nobody holds is
     * claimed by the deciding reviewer; one held by another, or decided, is refused (409), as is the first decider.
     */
    @Transactional
    public AppealFile decide(String reviewer, UUID appealId, Ruling ruling) {
        Appeal appeal = requireOpen(appealId);
        refuseFirstDecider(appeal, reviewer);
        if (appeal.assignee != null && !appeal.assignee.equals(reviewer)) {
            throw heldByAnother(appeal);
        }
        Instant now = now();
        if (appeal.assignee == null) {
            claim(appeal, reviewer, now, "claimed by deciding");
        }
        AuditCase auditCase = cases.findById(appeal.requestId);
        List<ReasonCode> reasons = reasonsOf(appeal);
        appeal.state = AppealState.DECIDED;
        appeal.outcome = ruling.outcome();
        appeal.decidedBy = reviewer;
        appeal.decidedAt = now;
        appeal.newRequestWindowEndsAt = ruling.outcome() == Outcome.OVERTURNED ? now.plus(config.appealWindow()) : null;
        appeal.userMessage =
                ruling.userMessage() == null || ruling.userMessage().isBlank()
                        ? message(ruling.outcome(), reasons, appeal.newRequestWindowEndsAt, auditCase.locale)
                        : ComplaintService.masked(ruling.userMessage());
        appeal.internalNote =
                ruling.internalNote() == null || ruling.internalNote().isBlank()
                        ? null
                        : ruling.internalNote().strip();
        if (appeal.complaintId != null) {
            complaints.lock(appeal.complaintId).ifPresent(complaint -> {
                complaint.status = ComplaintStatus.ANSWERED;
                complaint.answer = appeal.userMessage;
                complaint.answeredBy = reviewer;
                complaint.answeredAt = now;
            });
        }
        actions.persist(CaseAction.of(
                appeal.requestId,
                now,
                reviewer,
                CaseActionType.APPEAL_DECIDED,
                "appeal " + appeal.id + " " + ruling.outcome()
                        + (appeal.reasons == null ? "" : ": " + appeal.reasons)));
        outbox.append(new AppealDecided(
                appeal.id,
                appeal.complaintId,
                appeal.requestId,
                appeal.accountId,
                ruling.outcome(),
                reasons.stream().map(ReasonCode::reason).toList(),
                appeal.userMessage,
                now,
                appeal.newRequestWindowEndsAt));
        LOG.infof(
                "appeal %s of audit case %s decided %s by %s", appeal.id, appeal.requestId, ruling.outcome(), reviewer);
        return file(appeal);
    }

    /** The first decision's reasons, which the appeal upholds or sets aside. */
    public static List<ReasonCode> reasonsOf(Appeal appeal) {
        var holder = new AuditCase();
        holder.reasons = appeal.reasons;
        return CaseDecisions.reasonsOf(holder);
    }

    /** What the person is told of an appeal's decision without a reviewer's message, in their language. */
    static String message(Outcome outcome, List<ReasonCode> reasons, Instant windowEndsAt, String languageTag) {
        boolean chinese = Locales.isChinese(languageTag);
        if (outcome == Outcome.OVERTURNED) {
            String until = DAY.format(windowEndsAt);
            return chinese
                    ? "我们已复核您的申请，原驳回决定已撤销。请在 " + until + " 前重新提交清除申请，届时不会再因相同原因被驳回。"
                    : "We looked at your request again and set the rejection aside. Please submit a new clearing"
                            + " request by " + until + "; it will not be rejected for the same reasons.";
        }
        String why = reasons.stream().map(r -> r.text(languageTag)).collect(Collectors.joining(chinese ? "" : " "));
        return chinese
                ? "我们已复核您的申请，原审核结果维持不变。" + why + "本复核结果为最终结果。"
                : "We looked at your request again and the decision stands. " + (why.isEmpty() ? "" : why + " ")
                        + "This decision is final.";
    }

    private void claim(Appeal appeal, String reviewer, Instant now, String detail) {
        appeal.assignee = reviewer;
        appeal.assignedAt = now;
        actions.persist(CaseAction.of(
                appeal.requestId, now, reviewer, CaseActionType.APPEAL_ASSIGNED, "appeal " + appeal.id + " " + detail));
    }

    private AppealFile file(Appeal appeal) {
        AuditCase auditCase = cases.findById(appeal.requestId);
        String text = appeal.complaintId == null
                ? null
                : complaints
                        .findByIdOptional(appeal.complaintId)
                        .map(c -> c.message)
                        .orElse(null);
        return new AppealFile(
                appeal, auditCase, CaseDecisions.reasonsOf(auditCase), ruleResults.of(appeal.requestId), text);
    }

    private Appeal requireOpen(UUID appealId) {
        Appeal appeal = appeals.findByIdOptional(appealId).orElseThrow(AppealService::notFound);
        // The case first, as everything else that changes a case locks it; then the appeal, read again under its lock.
        cases.lock(appeal.requestId);
        appeals.getEntityManager().refresh(appeal, LockModeType.PESSIMISTIC_WRITE);
        if (!appeal.isOpen()) {
            throw new ProblemException(Problem.of(
                            VerificationProblems.APPEAL_DECIDED,
                            "The appeal was decided " + appeal.outcome + "; final.")
                    .with("outcome", appeal.outcome));
        }
        return appeal;
    }

    private static void refuseFirstDecider(Appeal appeal, String reviewer) {
        if (!AuditCompleted.AUTO.equals(appeal.firstDecidedBy) && appeal.firstDecidedBy.equals(reviewer)) {
            throw new ProblemException(Problem.of(
                            VerificationProblems.APPEAL_REVIEWER_CONFLICT,
                            "This reviewer made the decision appealed against; another reviewer must look at it.")
                    .with("firstDecidedBy", appeal.firstDecidedBy));
        }
    }

    private static ProblemException heldByAnother(Appeal appeal) {
        return new ProblemException(Problem.of(
                        VerificationProblems.APPEAL_ASSIGNED,
                        "Another reviewer holds this appeal; ask them to release it.")
                .with("assignee", appeal.assignee));
    }

    private static ProblemException notFound() {
        return VerificationProblems.notFound("No such appeal.");
    }

    /** Now, as the database keeps times (microseconds), so that events and the API agree. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
