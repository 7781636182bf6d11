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
 * transaction per round, and a pool of {@code max-in-flight} senders. A reply that comes after its send timed out
 * (an attempt recorded UNKNOWN) is queued as a late answer and recorded in the next round.
 */
final class DispatchLane {

    private static final Logger LOG = Logger.getLogger(DispatchLane.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Channel channel;
    private final WorkerLoop loop;
    private final ExecutorService senders;
    private final ConcurrentLinkedQueue<DeliveryService.Answer> answers = new ConcurrentLinkedQueue<>();
    /** Replies to attempts already recorded as UNKNOWN; not counted in {@link #open}. */
    private final ConcurrentLinkedQueue<DeliveryService.Answer> lateAnswers = new ConcurrentLinkedQueue<>();
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

    /**
     * Once {@code answer} is recorded as UNKNOWN: queues the reply its send may still get (its transaction is still
     * open), to be recorded as a late answer. Not before: a late answer completes only an attempt already UNKNOWN.
     */
    void awaitLateAnswer(DeliveryService.Answer answer) {
        if (answer.result() instanceof SendResult.Unknown unknown && unknown.late() != null) {
            // Runs on the mail client's thread, or at once if the reply is in: queue and wake, nothing blocking.
            unknown.late().thenAccept(late -> {
                if (!(late instanceof SendResult.Unknown)) {
                    lateAnswers.add(new DeliveryService.Answer(answer.dispatch(), late));
                    loop.wakeUp();
                }
            });
        }
    }

    /** Metrics for what was recorded, and the late replies to wait for. */
    private void recorded(List<DeliveryService.Answer> answered, List<DeliveryService.Recorded> recorded) {
        for (int i = 0; i < recorded.size(); i++) {
            metrics.recorded(channel, recorded.get(i));
            if (recorded.get(i) == DeliveryService.Recorded.UNKNOWN) {
                awaitLateAnswer(answered.get(i));
            }
        }
    }

    /** The lane's loop, for the liveness check. */
    WorkerLoop loop() {
        return loop;
    }

    /** Records what came back and claims what there is room for; true when more is waiting. */
    private boolean round() {
        recordLateAnswers();
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
        recorded(answered, exchanged.recorded());
        DeliveryService.Claimed claimed = exchanged.claimed();
        claimed.settled().forEach(status -> metrics.settled(channel, status));
        for (Dispatch dispatch : claimed.sends()) {
            open.incrementAndGet();
            senders.execute(() -> {
                SendResult result;
                try {
                    result = sender.apply(dispatch);
                } catch (RuntimeException e) {
                    // A sender that throws cannot say how far it got.
                    result = new SendResult.Unknown(SendResult.describe(e), null);
                }
                answers.add(new DeliveryService.Answer(dispatch, result));
                loop.wakeUp();
            });
        }
        return !answers.isEmpty()
                || !lateAnswers.isEmpty()
                || (asked > 0 && claimed.due() == asked && open.get() < config.maxInFlight());
    }

    /**
     * Up to a batch of the answers waiting. If recording them fails they go back to the queue for the next round;
     * should the process die first, their leases expire and the jobs are tried again.
     */
    private List<DeliveryService.Answer> takeAnswers() {
        return take(answers);
    }

    private List<DeliveryService.Answer> take(ConcurrentLinkedQueue<DeliveryService.Answer> queue) {
        List<DeliveryService.Answer> batch = new ArrayList<>();
        DeliveryService.Answer answer;
        while (batch.size() < config.batchSize() && (answer = queue.poll()) != null) {
            batch.add(answer);
        }
        return batch;
    }

    /** Records the late answers waiting, in a transaction of their own (they are rare); back to the queue on failure. */
    private void recordLateAnswers() {
        for (List<DeliveryService.Answer> batch = take(lateAnswers); !batch.isEmpty(); batch = take(lateAnswers)) {
            try {
                delivery.recordLate(batch).forEach(recorded -> metrics.recorded(channel, recorded));
            } catch (RuntimeException e) {
                lateAnswers.addAll(batch);
                throw e;
            }
        }
    }

    /** Records every answer waiting, a batch per transaction. */
    private void recordAnswers() {
        for (List<DeliveryService.Answer> batch = takeAnswers(); !batch.isEmpty(); batch = takeAnswers()) {
            try {
                recorded(batch, delivery.record(batch));
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
            recordLateAnswers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: answers could not be recorded at shutdown (%s); their leases will expire",
                    channel, e.getClass().getSimpleName());
        }
    }
}
