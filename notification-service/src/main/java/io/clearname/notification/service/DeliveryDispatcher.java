package io.clearname.notification.service;

import io.clearname.kit.worker.WorkerLoop;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends due notices: one thread per channel, on every instance, so that an SMS gateway that times out never delays an
 * email. Each thread claims one job at a time ({@link DeliveryService#claimNext}), sends it, records the answer, and
 * looks for the next; with nothing due it waits {@code notification.dispatch.poll-interval} or until a new job is
 * queued on this instance. The jobs' row locks and leases, not this class, keep two instances from sending the same
 * notice at once, and all schedule state is in the database, so a restart continues where the last process stopped.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryService delivery;
    private final SmsSender sms;
    private final EmailSender email;
    private final NotificationMetrics metrics;
    private final NotificationConfig.Dispatch config;
    private final Map<Channel, WorkerLoop> loops = new EnumMap<>(Channel.class);

    public DeliveryDispatcher(
            DeliveryService delivery,
            SmsSender sms,
            EmailSender email,
            NotificationMetrics metrics,
            NotificationConfig config) {
        this.delivery = delivery;
        this.sms = sms;
        this.email = email;
        this.metrics = metrics;
        this.config = config.dispatch();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("notification dispatch disabled on this instance");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts one dispatching thread per channel, unless they run. */
    public synchronized void start() {
        for (Channel channel : Channel.values()) {
            loops.computeIfAbsent(channel, c -> {
                var loop = new WorkerLoop(
                        "notification-dispatch-" + c.name().toLowerCase(Locale.ROOT),
                        () -> round(c) == config.maxPerRound(),
                        config.pollInterval(),
                        config.pollInterval());
                loop.start();
                return loop;
            });
        }
    }

    /**
     * Stops the threads after the send in progress, as a shutdown does. Jobs keep their state in the database: a
     * retry stays due at its time, a job claimed and not answered is retried when its lease expires.
     */
    public synchronized void stop() {
        loops.values().forEach(loop -> loop.stop(Duration.ofSeconds(30)));
        loops.clear();
    }

    /** Asks the channel's thread to look for due jobs now (a job was queued). */
    public void wakeUp(Channel channel) {
        WorkerLoop loop;
        synchronized (this) {
            loop = loops.get(channel);
        }
        if (loop != null) {
            loop.wakeUp();
        }
    }

    /** The safety nets of jobs waiting for their contact snapshot; see {@link DeliveryService#sweepWaiting}. */
    @Scheduled(
            identity = "notification-sweep",
            every = "${notification.dispatch.sweep-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (!config.enabled()) {
            return;
        }
        try {
            delivery.sweepWaiting().forEach(metrics::failed);
            for (Channel channel : Channel.values()) {
                wakeUp(channel);
            }
        } catch (RuntimeException e) {
            LOG.warnf("sweep of waiting notices failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Claims, sends and records due jobs of one channel on the calling thread, as a dispatcher of another instance
     * would, until none is due or {@code max-per-round} were handled.
     *
     * @return the number of jobs handled
     */
    public int dispatchOnce(Channel channel) {
        return round(channel);
    }

    private int round(Channel channel) {
        int handled = 0;
        while (handled < config.maxPerRound()) {
            DeliveryService.Claim claim = delivery.claimNext(channel);
            if (claim instanceof DeliveryService.Claim.None) {
                break;
            }
            handled++;
            if (claim instanceof DeliveryService.Claim.Settled settled) {
                if (settled.status() == JobStatus.FAILED) {
                    metrics.failed(channel);
                }
                continue;
            }
            Dispatch dispatch = ((DeliveryService.Claim.Send) claim).dispatch();
            SendResult result = channel == Channel.SMS ? sms.send(dispatch) : email.send(dispatch);
            switch (delivery.record(dispatch, result)) {
                case DELIVERED -> metrics.sent(channel);
                case RETRY -> metrics.retried(channel);
                case FAILED -> metrics.failed(channel);
                case STALE -> {}
            }
        }
        return handled;
    }
}
