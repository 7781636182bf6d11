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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DeliveryService delivery;
    private final SmsSender sms;
    private final EmailSender email;
    private final NotificationMetrics metrics;
    private final NotificationConfig.Dispatch config;
    private final Map<Channel, Lane> lanes = new EnumMap<>(Channel.class);

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
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts one lane per channel, unless they run. */
    public synchronized void start() {
        for (Channel channel : Channel.values()) {
            lanes.computeIfAbsent(channel, Lane::new).start();
        }
    }

    /**
     * Stops the lanes after the sends in flight, as a shutdown does, and records their answers. Jobs keep their state
     * in the database: a retry stays due at its time, a job claimed and not answered is retried when its lease expires.
     */
    public synchronized void stop() {
        lanes.values().forEach(Lane::stop);
        lanes.clear();
    }

    /** Asks the channel's lane to look for due jobs now (a job was queued). */
    public void wakeUp(Channel channel) {
        Lane lane;
        synchronized (this) {
            lane = lanes.get(channel);
        }
        if (lane != null) {
            lane.loop.wakeUp();
        }
    }

    /** The safety nets of jobs waiting for their contact snapshot; see {@link DeliveryService#sweepWaiting}. */
    @Scheduled(
            identity = "notification-sweep",
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
        claimed.settled().forEach(status -> settled(channel, status));
        List<DeliveryService.Answer> answers = new ArrayList<>();
        for (Dispatch dispatch : claimed.sends()) {
            answers.add(new DeliveryService.Answer(dispatch, send(dispatch)));
        }
        if (!answers.isEmpty()) {
            delivery.record(answers).forEach(recorded -> count(channel, recorded));
        }
        return claimed.due();
    }

    private SendResult send(Dispatch dispatch) {
        return dispatch.channel() == Channel.SMS ? sms.send(dispatch) : email.send(dispatch);
    }

    private void settled(Channel channel, JobStatus status) {
        if (status == JobStatus.FAILED) {
            metrics.failed(channel);
        }
    }

    private void count(Channel channel, DeliveryService.Recorded recorded) {
        switch (recorded) {
            case DELIVERED -> metrics.sent(channel);
            case RETRY -> metrics.retried(channel);
            case FAILED -> metrics.failed(channel);
            case STALE -> {}
        }
    }

    /** One channel: its loop, its senders and the answers waiting to be recorded. */
    private final class Lane {
        private final Channel channel;
        private final WorkerLoop loop;
        private final ExecutorService senders;
        private final ConcurrentLinkedQueue<DeliveryService.Answer> answers = new ConcurrentLinkedQueue<>();
        /** Claimed and not yet recorded: sending, or answered and waiting in {@link #answers}. */
        private final AtomicInteger open = new AtomicInteger();

        Lane(Channel channel) {
            this.channel = channel;
            String name = "notification-" + channel.name().toLowerCase(Locale.ROOT);
            AtomicInteger threads = new AtomicInteger();
            this.senders = Executors.newFixedThreadPool(config.maxInFlight(), task -> {
                Thread thread = new Thread(task, name + "-send-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            this.loop = new WorkerLoop(name + "-dispatch", this::round, config.pollInterval(), config.pollInterval());
        }

        void start() {
            loop.start();
        }

        /** Records what came back and claims what there is room for; true when more is waiting. */
        private boolean round() {
            List<DeliveryService.Answer> answered = takeAnswers();
            int asked = Math.max(0, Math.min(config.maxInFlight() - open.get() + answered.size(), config.batchSize()));
            if (answered.isEmpty() && asked == 0) {
                return false;
            }
            DeliveryService.Exchanged exchanged;
            try {
                exchanged = delivery.exchange(answered, channel, asked);
            } catch (RuntimeException e) {
                answers.addAll(answered);
                throw e;
            }
            open.addAndGet(-answered.size());
            exchanged.recorded().forEach(recorded -> count(channel, recorded));
            DeliveryService.Claimed claimed = exchanged.claimed();
            claimed.settled().forEach(status -> settled(channel, status));
            for (Dispatch dispatch : claimed.sends()) {
                open.incrementAndGet();
                senders.execute(() -> {
                    SendResult result;
                    try {
                        result = send(dispatch);
                    } catch (RuntimeException e) {
                        result = new SendResult.Transient(SendResult.describe(e), null, null);
                    }
                    answers.add(new DeliveryService.Answer(dispatch, result));
                    loop.wakeUp();
                });
            }
            return !answers.isEmpty() || (asked > 0 && claimed.due() == asked && open.get() < config.maxInFlight());
        }

        /**
         * Up to a batch of the answers waiting. If recording them fails they go back to the queue for the next round;
         * should the process die first, their leases expire and the jobs are tried again.
         */
        private List<DeliveryService.Answer> takeAnswers() {
            List<DeliveryService.Answer> batch = new ArrayList<>();
            DeliveryService.Answer answer;
            while (batch.size() < config.batchSize() && (answer = answers.poll()) != null) {
                batch.add(answer);
            }
            return batch;
        }

        /** Records every answer waiting, a batch per transaction. */
        private void recordAnswers() {
            for (List<DeliveryService.Answer> batch = takeAnswers(); !batch.isEmpty(); batch = takeAnswers()) {
                try {
                    delivery.record(batch).forEach(recorded -> count(channel, recorded));
                } catch (RuntimeException e) {
                    answers.addAll(batch);
                    throw e;
                }
                open.addAndGet(-batch.size());
            }
        }

        void stop() {
            loop.stop(STOP_GRACE);
            senders.shutdown();
            try {
                if (!senders.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warnf("%s: sends still in flight at shutdown; their leases will expire", channel);
                }
                recordAnswers();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "%s: answers could not be recorded at shutdown (%s); their leases will expire",
                        channel, e.getClass().getSimpleName());
            }
        }
    }
}
