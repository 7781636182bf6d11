package io.clearname.kit.health;

/**
 * The pulse of one scheduled job, from {@link Heartbeats#register}: the job calls {@link #beat()} whenever a round (or
 * a batch of a long round) ends, successfully or not.
 */
public final class Heartbeat {

    private volatile long lastNanos = System.nanoTime();

    Heartbeat() {}

    /** The job made progress: a round or one of its batches ended, whether it succeeded or failed. */
    public void beat() {
        lastNanos = System.nanoTime();
    }

    long nanosSinceLastBeat(long nowNanos) {
        return Math.max(0, nowNanos - lastNanos);
    }
}
