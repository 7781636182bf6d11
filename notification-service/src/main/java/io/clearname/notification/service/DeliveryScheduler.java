package io.clearname.notification.service;

import io.clearname.notification.config.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs the dispatcher every {@code notification.dispatch.every}, on every instance: the jobs' row locks, not the
 * scheduler, keep two instances from sending the same notice. A full batch is followed by the next one at once.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);

    private final DeliveryService delivery;
    private final NotificationConfig config;
    private volatile boolean stopping;

    public DeliveryScheduler(DeliveryService delivery, NotificationConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    @Scheduled(
            identity = "notification-dispatch",
            every = "${notification.dispatch.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            while (!stopping && delivery.dispatchDue() == config.dispatch().batchSize()) {
                LOG.debug("full batch dispatched, looking for more");
            }
        } catch (RuntimeException e) {
            if (stopping) {
                // A round that overlaps shutdown finds the persistence unit closed; its jobs stay PENDING.
                LOG.debugf("dispatch round ended by shutdown: %s", e.getClass().getSimpleName());
                return;
            }
            // The batch rolled back: its jobs stay PENDING and are picked up by the next round.
            LOG.warnf(
                    "dispatch round failed, retrying next round: %s",
                    e.getClass().getSimpleName());
            LOG.debug("dispatch round failure", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
