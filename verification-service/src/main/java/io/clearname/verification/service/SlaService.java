package io.clearname.verification.service;

import io.clearname.events.AuditDelayed;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseAction;
import io.clearname.verification.entity.CaseActionType;
import io.clearname.verification.entity.Priority;
import io.clearname.verification.repository.AuditCaseRepository;
import io.clearname.verification.repository.CaseActionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The SLA of open cases. Each case carries its marks ({@code escalate_at}, {@code due_at}) in the database, and the
 * flags of what was done ({@code escalated_at}, {@code breached_at}); a round locks the cases past a mark with SKIP
 * LOCKED and sets the flag under the lock. So nothing is lost across restarts, and with any number of instances each
 * case is escalated once and breached once, with one AuditDelayed.
 */
@ApplicationScoped
public class SlaService {

    private static final Logger LOG = Logger.getLogger(SlaService.class);

    private final AuditCaseRepository cases;
    private final CaseActionRepository actions;
    private final OutboxWriter outbox;
    private final AuditMetrics metrics;
    private final Clock clock;

    public SlaService(
            AuditCaseRepository cases,
            CaseActionRepository actions,
            OutboxWriter outbox,
            AuditMetrics metrics,
            Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Escalates open cases past their at-risk mark: priority raised, action recorded.
     *
     * @return how many cases were escalated
     */
    @Transactional
    public int escalateDue(int limit) {
        Instant now = Instant.now(clock);
        List<AuditCase> due = cases.lockDueForEscalation(now, limit);
        due.forEach(c -> escalate(c, now));
        return due.size();
    }

    /**
     * Marks open cases past their due date as breached: escalated again, action recorded, the person told of the delay
     * with one AuditDelayed. A case that passed both marks while no instance ran is escalated first.
     *
     * @return how many cases were marked breached
     */
    @Transactional
    public int breachDue(int limit) {
        Instant now = Instant.now(clock);
        List<AuditCase> due = cases.lockDueForBreach(now, limit);
        for (AuditCase c : due) {
            if (c.escalatedAt == null) {
                escalate(c, now);
            }
            Priority before = c.priority;
            c.breachedAt = now;
            c.priority = before.raised();
            actions.persist(CaseAction.of(
                    c.requestId,
                    now,
                    CaseAction.SYSTEM,
                    CaseActionType.BREACHED,
                    "due at " + c.dueAt + " and undecided; priority " + before + " -> " + c.priority
                            + "; the person is told of the delay"));
            outbox.append(new AuditDelayed(c.requestId, c.accountId, c.dueAt, now));
            metrics.escalated("BREACHED");
            LOG.infof("audit case %s breached its due date %s", c.requestId, c.dueAt);
        }
        return due.size();
    }

    /** Counts the queue for the gauges. */
    @Transactional
    public void refreshGauges() {
        metrics.queue(cases.queueCounts());
    }

    private void escalate(AuditCase c, Instant now) {
        Priority before = c.priority;
        c.escalatedAt = now;
        c.priority = before.raised();
        actions.persist(CaseAction.of(
                c.requestId,
                now,
                CaseAction.SYSTEM,
                CaseActionType.ESCALATED,
                "at risk: past " + c.escalateAt + ", due at " + c.dueAt + "; priority " + before + " -> "
                        + c.priority));
        metrics.escalated("AT_RISK");
        LOG.infof("audit case %s escalated: at risk of missing %s", c.requestId, c.dueAt);
    }
}
