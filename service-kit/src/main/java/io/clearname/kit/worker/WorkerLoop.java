package io.clearname.kit.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * A background thread that repeats a unit of work: it runs {@link Round#run()} again at once while the round says more
 * is waiting, otherwise it waits until {@link #wakeUp()} or the idle interval, whichever comes first. A round that
 * throws is logged by class name only (messages may carry data) and retried after the failure backoff; the thread
 * itself never dies of a round's failure, and {@link #lastRoundEndedAt()} tells a health check whether it still turns.
 *
 * <p>The outbox relay and the notification dispatcher are such loops: woken by the commits that give them work, and
 * polling only for work that another instance wrote.
 */
public final class WorkerLoop {

    /** One unit of work. */
    @FunctionalInterface
    public interface Round {
        /**
         * @return true when more work is waiting, so the next round should start at once
         */
        boolean run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class);

    private final String name;
    private final Round round;
    private final Duration idleWait;
    private final Duration failureBackoff;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running;
    private volatile Instant lastRoundEndedAt;

    /**
     * @param name the thread's name, also used in log lines
     * @param idleWait how long to wait for a wake-up when a round found nothing more to do
     * @param failureBackoff how long to wait after a round that failed
     */
    public WorkerLoop(String name, Round round, Duration idleWait, Duration failureBackoff) {
        this.name = Objects.requireNonNull(name);
        this.round = Objects.requireNonNull(round);
        this.idleWait = idleWait;
        this.failureBackoff = failureBackoff;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    public synchronized void start() {
        if (!running && !thread.isAlive()) {
            running = true;
            thread.start();
        }
    }

    /** Stops after the round in progress and waits for it at most {@code grace}. */
    public void stop(Duration grace) {
        running = false;
        wakeUp();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(Math.max(1, grace.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a round now; a wake-up during a round starts the next one right after it. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Whether the thread was started, has not been stopped and is alive. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** When the last round ended, successfully or not; null before the first. */
    public Instant lastRoundEndedAt() {
        return lastRoundEndedAt;
    }

    private void loop() {
        while (running) {
            boolean failed = false;
            Duration wait;
            try {
                wait = round.run() ? Duration.ZERO : idleWait;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError e) {
                if (!running) {
                    return;
                }
                LOG.warnf(
                        "%s: round failed, retrying in %s: %s",
                        name, failureBackoff, e.getClass().getSimpleName());
                LOG.debugf(e, "%s: round failure", name);
                wait = failureBackoff;
                failed = true;
            }
            lastRoundEndedAt = Instant.now();
            if (!wait.isZero()) {
                // After a failure, commits that wake the loop must not turn the backoff into a busy retry.
                await(wait, !failed);
            }
        }
    }

    private void await(Duration timeout, boolean wakeable) {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            long left;
            while (running && !(wakeable && woken) && (left = until - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }
}
