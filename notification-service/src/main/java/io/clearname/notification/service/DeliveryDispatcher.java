package io.clearname.notification.service;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends due notices, on every instance, one lane per channel, so that an SMS gateway that times out never delays an
 * email. A lane's round records the answers that came back and claims as many due jobs as it has room for, in one
 * transaction ({@link DeliveryService#exchange}); its senders send up to
 * {@code notification.dispatch.max-in-flight} notices at once. The loop is woken when a job is queued on this instance
 * and when a send ends; otherwise it looks every {@code poll-interval}.
 *
 * <p>The jobs' row locks and leases, not this class, keep two instances from sending the same notice at once, and all
 * schedule state is in the database: a restart continues where the last process stopped, and a send whose answer
 * was never recorded is tried again when its lease expires.
 *
 * <p>The liveness check watches each lane's loop ({@code notification-sms-dispatch},
 * {@code notification-email-dispatch}) and the sweep's heartbeat ({@value #SWEEP}).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    /** The scheduler identity of the sweep, also its name in the liveness answer. */
    public static final String SWEEP = "notification-sweep";

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryService delivery;
    private final SmsSender sms;
    private final EmailSender email;
    private final NotificationMetrics metrics;
    private final NotificationConfig.Dispatch config;
    private final Heartbeats heartbeats;
    private final Heartbeat sweep;
    private final Map<Channel, DispatchLane> lanes = new EnumMap<>(Channel.class);

    public DeliveryDispatcher(
            DeliveryService delivery,
            SmsSender sms,
            EmailSender email,
            NotificationMetrics metrics,
            NotificationConfig config,
            Heartbeats heartbeats) {
        this.delivery = delivery;
        this.sms = sms;
        this.email = email;
        this.metrics = metrics;
        this.config = config.dispatch();
        this.heartbeats = heartbeats;
        this.sweep = heartbeats.register(SWEEP, Heartbeats.maxSilenceFor(this.config.sweepEvery()));
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts one lane per channel, unless they run. */
    public synchronized void start() {
        for (Channel channel : Channel.values()) {
            DispatchLane lane =
                    lanes.computeIfAbsent(channel, c -> new DispatchLane(c, delivery, this::send, metrics, config));
            // A restarted dispatcher's new lanes replace the stopped ones under the same names.
            heartbeats.watch(lane.loop());
            lane.start();
        }
    }

    /**
     * Stops the lanes after the sends in flight, as a shutdown does, and records their answers. Jobs keep their state
     * in the database: a retry stays due at its time, a job claimed and not answered is retried when its lease expires.
     */
    public synchronized void stop() {
        lanes.values().forEach(DispatchLane::stop);
        lanes.clear();
    }

    /** Asks the channel's lane to look for due jobs now (a job was queued). */
    public void wakeUp(Channel channel) {
        DispatchLane lane;
        synchronized (this) {
            lane = lanes.get(channel);
        }
        if (lane != null) {
            lane.wakeUp();
        }
    }

    /** The safety nets of jobs waiting for their contact snapshot; see {@link DeliveryService#sweepWaiting}. */
    @Scheduled(
            identity = SWEEP,
            every = "${notification.dispatch.sweep-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            delivery.sweepWaiting().forEach(metrics::failed);
            for (Channel channel : Channel.values()) {
                wakeUp(channel);
            }
        } catch (RuntimeException e) {
            LOG.warnf("sweep of waiting notices failed: %s", e.getClass().getSimpleName());
        } finally {
            sweep.beat();
        }
    }

    /**
     * Claims, sends and records due jobs of one channel on the calling thread, one at a time, as a dispatcher of
     * another instance would, until none is due or a batch was handled.
     *
     * @return the number of jobs handled
     */
    public int dispatchOnce(Channel channel) {
        DeliveryService.Claimed claimed = delivery.claim(channel, config.batchSize());
        claimed.settled().forEach(status -> metrics.settled(channel, status));
        List<DeliveryService.Answer> answers = new ArrayList<>();
        for (Dispatch dispatch : claimed.sends()) {
            answers.add(new DeliveryService.Answer(dispatch, send(dispatch)));
        }
        if (!answers.isEmpty()) {
            List<DeliveryService.Recorded> recorded = delivery.record(answers);
            for (int i = 0; i < recorded.size(); i++) {
                metrics.recorded(channel, recorded.get(i));
                if (recorded.get(i) == DeliveryService.Recorded.UNKNOWN) {
                    awaitLateAnswer(channel, answers.get(i));
                }
            }
        }
        return claimed.due();
    }

    /**
     * Has the channel's lane record the reply an UNKNOWN send may still get. Without a running lane it is not
     * waited for: the job stays held and is sent again, with the same key, when its hold ends.
     */
    private void awaitLateAnswer(Channel channel, DeliveryService.Answer answer) {
        DispatchLane lane;
        synchronized (this) {
            lane = lanes.get(channel);
        }
        if (lane != null) {
            lane.awaitLateAnswer(answer);
        }
    }

    SendResult send(Dispatch dispatch) {
        return dispatch.channel() == Channel.SMS ? sms.send(dispatch) : email.send(dispatch);
    }
}
