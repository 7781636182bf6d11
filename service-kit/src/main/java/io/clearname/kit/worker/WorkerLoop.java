package io.clearname.kit.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * A background thread that repeats a unit of work: it runs {@link Round#run()} again at once while the round says more
 * is waiting, otherwise it waits until {@link #wakeUp()} or the idle interval, whichever comes first. A round that
 * throws is logged by class name only (messages may carry data) and retried after the failure backoff; the thread
 * itself never dies of a round's failure. {@link #state()} and {@link #silence()} tell a health check whether it still
 * turns: {@code io.clearname.kit.health.Heartbeats#watch} reports a loop whose thread died, or whose round hangs.
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
    private volatile boolean started;
    private volatile boolean stopRequested;
    private volatile Instant lastRoundEndedAt;
    /** {@link System#nanoTime()} of the start, then of each round's end: what {@link #silence()} counts from. */
    private volatile long lastProgressNanos;
    /** Why the thread ended without being asked to; null while it runs or after a requested stop. */
    private volatile Throwable deathCause;

    /** Where a loop is in its life, as a health check sees it. */
    public enum State {
        /** Not started yet. */
        NEW,
        /** Its thread runs rounds. */
        RUNNING,
        /** {@link #stop} was called: it ended, or ends after its round, as asked. */
        STOPPED,
        /** Its thread ended without being asked to: an {@link Error} or an interrupt ended it. */
        DIED
    }

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
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts the thread; a loop starts once, later calls do nothing. */
    public synchronized void start() {
        if (!started) {
            started = true;
            running = true;
            lastProgressNanos = System.nanoTime();
            thread.start();
        }
    }

    /** Stops after the round in progress and waits for it at most {@code grace}. */
    public void stop(Duration grace) {
        stopRequested = true;
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

    /** The name given at construction, also the thread's. */
    public String name() {
        return name;
    }

    /** How long it waits for a wake-up after a round that found nothing more to do. */
    public Duration idleWait() {
        return idleWait;
    }

    /** How long it waits after a round that failed. */
    public Duration failureBackoff() {
        return failureBackoff;
    }

    /** Where the loop is in its life; see {@link State}. */
    public State state() {
        if (!started) {
            return State.NEW;
        }
        if (stopRequested) {
            return State.STOPPED;
        }
        return thread.isAlive() ? State.RUNNING : State.DIED;
    }

    /** What ended the thread when it {@link State#DIED} of a throwable; null otherwise. */
    public Throwable deathCause() {
        return deathCause;
    }

    /**
     * Time since the last round ended, successfully or not, or since the start before the first round ended: a round
     * in progress (or one that hangs) makes it grow, a wait between rounds at most by the idle wait or the backoff.
     * Zero before the start. Measured on the monotonic clock, so a change of the wall clock does not make a loop look
     * stuck.
     */
    public Duration silence() {
        if (!started) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, System.nanoTime() - lastProgressNanos));
    }

    private void run() {
        try {
            loop();
        } catch (Throwable e) {
            // An Error a round let through (LinkageErrors aside) ends the thread: say so, by class name only, and
            // leave it to the liveness check, which reports the loop as dead.
            deathCause = e;
            LOG.errorf("%s: the loop's thread died: %s", name, e.getClass().getName());
        }
    }

    private void loop() {
        while (running) {
            boolean failed = false;
            Duration wait;
            try {
                wait = round.run() ? Duration.ZERO : idleWait;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!stopRequested) {
                    LOG.errorf("%s: interrupted during a round; the loop ends", name);
                }
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
            lastProgressNanos = System.nanoTime();
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
