package io.clearname.kit.health;

import io.clearname.kit.worker.WorkerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the liveness check ({@link WorkersLiveness}) watches: every background thread a service relies on, by name, with
 * the longest silence it may keep. A {@link WorkerLoop} is watched through its thread and the end of its rounds
 * ({@link #watch}); a scheduled job registers a {@link Heartbeat} and beats it after each round ({@link #register}).
 * A worker is down when its thread died, or when no round ended (successfully or not) within its maximum silence.
 *
 * <p>The bounds are generous on purpose: a round against a broker or database that is down fails and ends, and that
 * keeps the worker alive. Only a dead thread, or a round that hangs far longer than any outage makes a round last,
 * fails liveness, so an outage of a dependency never restarts every pod at once. {@link #maxSilenceFor} gives the
 * usual bound; {@code clearname.health.max-silence.<name>} replaces it for one worker.
 */
@ApplicationScoped
public class Heartbeats {

    /**
     * Added to twice a worker's period: longer than any outage of a dependency can hold a round. A round blocked on the
     * database waits for the connection or its pool at most seconds, a Kafka send its delivery timeout (30 s for the
     * relay); the longest is a read on a connection to a database cut off without a reset, which Linux abandons after
     * about 15.5 minutes of retransmissions (PostgreSQL's JDBC driver sets no socket timeout).
     */
    public static final Duration ROUND_ALLOWANCE = Duration.ofMinutes(20);

    private final HealthConfig config;
    private final Map<String, Watched> watched = new TreeMap<>();

    public Heartbeats(HealthConfig config) {
        this.config = config;
    }

    /** The usual maximum silence of a worker that starts a round every {@code period}: two periods and 20 minutes. */
    public static Duration maxSilenceFor(Duration period) {
        return period.multipliedBy(2).plus(ROUND_ALLOWANCE);
    }

    /**
     * Registers a scheduled job; its silence counts from now until its first beat. Registering a name again replaces
     * the earlier registration.
     *
     * @param name the job's name in the liveness answer, e.g. its scheduler identity
     * @param maxSilence how long it may go without a beat; {@code clearname.health.max-silence.<name>} overrides it
     */
    public Heartbeat register(String name, Duration maxSilence) {
        Heartbeat heartbeat = new Heartbeat();
        Duration bound = bound(name, maxSilence);
        put(name, now -> silent(name, Duration.ofNanos(heartbeat.nanosSinceLastBeat(now)), bound));
        return heartbeat;
    }

    /**
     * Watches a loop under its name, with {@link #maxSilenceFor} its longest wait (idle or after a failure) as the
     * bound. Watching a loop of the same name again replaces the earlier one, as a restarted dispatcher does.
     */
    public void watch(WorkerLoop loop) {
        watch(loop, maxSilenceFor(max(loop.idleWait(), loop.failureBackoff())));
    }

    /** Watches a loop under its name with the given bound; {@code clearname.health.max-silence.<name>} overrides it. */
    public void watch(WorkerLoop loop, Duration maxSilence) {
        Objects.requireNonNull(loop);
        String name = loop.name();
        Duration bound = bound(name, maxSilence);
        put(name, now -> switch (loop.state()) {
            case NEW -> new Status(name, true, "not started");
            case STOPPED -> new Status(name, true, "stopped");
            case DIED -> new Status(name, false, "thread died" + causeOf(loop));
            case RUNNING -> silent(name, loop.silence(), bound);
        });
    }

    /** Each watched worker's status, by name. */
    public List<Status> check() {
        long now = System.nanoTime();
        List<Watched> all;
        synchronized (watched) {
            all = List.copyOf(watched.values());
        }
        List<Status> statuses = new ArrayList<>(all.size());
        for (Watched w : all) {
            statuses.add(w.status(now));
        }
        return statuses;
    }

    private void put(String name, Watched w) {
        synchronized (watched) {
            watched.put(name, w);
        }
    }

    private Duration bound(String name, Duration registered) {
        Duration bound = config.maxSilence().getOrDefault(name, registered);
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the maximum silence of " + name + " must be positive: " + bound);
        }
        return bound;
    }

    private static Status silent(String name, Duration silence, Duration bound) {
        if (silence.compareTo(bound) > 0) {
            return new Status(name, false, "no round ended for " + round(silence) + ", more than its bound " + bound);
        }
        return new Status(name, true, "last round ended " + round(silence) + " ago, bound " + bound);
    }

    private static String causeOf(WorkerLoop loop) {
        Throwable cause = loop.deathCause();
        return cause == null ? " (interrupted)" : " of " + cause.getClass().getName();
    }

    private static Duration round(Duration d) {
        return Duration.ofMillis(d.toMillis());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One worker as the liveness check reports it. */
    public record Status(String name, boolean up, String detail) {}

    /** How one watched worker is doing at a given {@link System#nanoTime()}. */
    @FunctionalInterface
    private interface Watched {
        Status status(long nowNanos);
    }
}
