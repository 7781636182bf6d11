package io.clearname.account.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Looks for approved requests whose cooling-off is over, on every instance; the row locks in
 * {@link Erasure#eraseDue} make each erasure happen once.
 */
@ApplicationScoped
public class ErasureScheduler {

    private static final Logger LOG = Logger.getLogger(ErasureScheduler.class);
    private static final int BATCH = 50;

    private final Erasure erasure;
    private volatile boolean stopping;

    public ErasureScheduler(Erasure erasure) {
        this.erasure = erasure;
    }

    @Scheduled(
            identity = "clearing-erasure",
            every = "${clearing.erasure-check-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseDue() {
        try {
            while (!stopping && erasure.eraseDue(BATCH) == BATCH) {
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
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
