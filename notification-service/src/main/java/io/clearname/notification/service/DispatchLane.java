package io.clearname.notification.service;

import io.clearname.kit.worker.WorkerLoop;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One channel's lane of the {@link DeliveryDispatcher}: a loop that records answers and claims due jobs in one
 * transaction per round, and a pool of {@code max-in-flight} senders.
 */
final class DispatchLane {

    private static final Logger LOG = Logger.getLogger(DispatchLane.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Channel channel;
    private final WorkerLoop loop;
    private final ExecutorService senders;
    private final ConcurrentLinkedQueue<DeliveryService.Answer> answers = new ConcurrentLinkedQueue<>();
    /** Claimed and not yet recorded: sending, or answered and waiting in {@link #answers}. */
    private final AtomicInteger open = new AtomicInteger();

    private final DeliveryService delivery;
    private final Function<Dispatch, SendResult> sender;
    private final NotificationMetrics metrics;
    private final NotificationConfig.Dispatch config;

    DispatchLane(
            Channel channel,
            DeliveryService delivery,
            Function<Dispatch, SendResult> sender,
            NotificationMetrics metrics,
            NotificationConfig.Dispatch config) {
        this.channel = channel;
        this.delivery = delivery;
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
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

    void wakeUp() {
        loop.wakeUp();
    }

    /** The lane's loop, for the liveness check. */
    WorkerLoop loop() {
        return loop;
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
        exchanged.recorded().forEach(recorded -> metrics.recorded(channel, recorded));
        DeliveryService.Claimed claimed = exchanged.claimed();
        claimed.settled().forEach(status -> metrics.settled(channel, status));
        for (Dispatch dispatch : claimed.sends()) {
            open.incrementAndGet();
            senders.execute(() -> {
                SendResult result;
                try {
                    result = sender.apply(dispatch);
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
                delivery.record(batch).forEach(recorded -> metrics.recorded(channel, recorded));
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
