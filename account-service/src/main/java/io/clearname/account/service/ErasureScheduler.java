package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Looks for approved requests whose cooling-off is over, on every instance; the row locks in
 * {@link Erasure#eraseDue} make each erasure happen once. Its heartbeat ({@value #JOB}) beats after every batch and
 * round, so the liveness check notices a job that stopped running or hangs.
 */
@Startup
@ApplicationScoped
public class ErasureScheduler {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "clearing-erasure";

    private static final Logger LOG = Logger.getLogger(ErasureScheduler.class);
    private static final int BATCH = 50;

    private final Erasure erasure;
    private final Heartbeat heartbeat;
    private volatile boolean stopping;

    public ErasureScheduler(Erasure erasure, ClearingConfig config, Heartbeats heartbeats) {
        this.erasure = erasure;
        this.heartbeat = heartbeats.register(
                JOB, Heartbeats.maxSilenceFor(DurationConverter.parseDuration(config.erasureCheckEvery())));
    }

    @Scheduled(
            identity = JOB,
            every = "${clearing.erasure-check-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseDue() {
        try {
            while (!stopping && erasure.eraseDue(BATCH) == BATCH) {
                heartbeat.beat();
                LOG.debug("a full batch was erased, looking for more");
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                // The batch rolled back; its requests are still APPROVED and due, and the next round takes them.
                LOG.warnf(
                        "erasure round failed, retrying next round: %s",
                        e.getClass().getSimpleName());
                LOG.debug("erasure round failure", e);
            }
        } finally {
            heartbeat.beat();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
