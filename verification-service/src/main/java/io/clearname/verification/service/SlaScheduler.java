package io.clearname.verification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the SLA on every instance, every {@code audit.sla-check-every}. It keeps no state of its own: what is due is
 * read from the database each round, and the row locks in {@link SlaService} make each escalation happen once.
 */
@ApplicationScoped
public class SlaScheduler {

    /** The scheduler identity of the job, e.g. to pause it. */
    public static final String JOB = "audit-sla";

    private static final Logger LOG = Logger.getLogger(SlaScheduler.class);
    private static final int BATCH = 50;

    private final SlaService sla;
    private final AuditMetrics metrics;
    private volatile boolean stopping;

    public SlaScheduler(SlaService sla, AuditMetrics metrics) {
        this.sla = sla;
        this.metrics = metrics;
    }

    /** One round: escalations, then breaches, then the gauges. Safe to run concurrently with other instances. */
    @Scheduled(
            identity = JOB,
            every = "${audit.sla-check-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void round() {
        long start = System.nanoTime();
        boolean completed = false;
        try {
            while (!stopping && sla.escalateDue(BATCH) == BATCH) {
                LOG.debug("a full batch was escalated, looking for more");
            }
            while (!stopping && sla.breachDue(BATCH) == BATCH) {
                LOG.debug("a full batch was marked breached, looking for more");
            }
            if (!stopping) {
                sla.refreshGauges();
            }
            completed = true;
        } catch (RuntimeException e) {
            if (!stopping) {
                // The batch rolled back; its cases are still past their marks, and the next round takes them.
                LOG.warnf(
                        "SLA round failed, retrying next round: %s",
                        e.getClass().getSimpleName());
                LOG.debug("SLA round failure", e);
            }
        } finally {
            if (!stopping) {
                metrics.slaRound(completed, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
