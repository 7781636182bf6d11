package io.clearname.verification.service;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.clearname.verification.config.AuditConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the SLA on every instance, every {@code audit.sla-check-every}. It keeps no state of its own: what is due is
 * read from the database each round, and the row locks in {@link SlaService} make each escalation happen once. Its
 * heartbeat ({@value #JOB}) beats after every batch and round, watched by the liveness check.
 */
@Startup
@ApplicationScoped
public class SlaScheduler {

    /** The scheduler identity of the job, e.g. to pause it; also its name in the liveness answer. */
    public static final String JOB = "audit-sla";

    private static final Logger LOG = Logger.getLogger(SlaScheduler.class);
    private static final int BATCH = 50;

    private final SlaService sla;
    private final AuditMetrics metrics;
    private final Heartbeat heartbeat;
    private volatile boolean stopping;

    public SlaScheduler(SlaService sla, AuditMetrics metrics, AuditConfig config, Heartbeats heartbeats) {
        this.sla = sla;
        this.metrics = metrics;
        this.heartbeat = heartbeats.register(
                JOB, Heartbeats.maxSilenceFor(DurationConverter.parseDuration(config.slaCheckEvery())));
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
                heartbeat.beat();
                LOG.debug("a full batch was escalated, looking for more");
            }
            while (!stopping && sla.breachDue(BATCH) == BATCH) {
                heartbeat.beat();
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
            heartbeat.beat();
            if (!stopping) {
                metrics.slaRound(completed, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
