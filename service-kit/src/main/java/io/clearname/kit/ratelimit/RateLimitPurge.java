package io.clearname.kit.ratelimit;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Drops counters of windows that ended long ago; any instance may do it, repeating it is harmless. Created at start-up,
 * so its heartbeat is watched from the start.
 */
@Startup
@ApplicationScoped
public class RateLimitPurge {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "rate-limit-purge";

    private static final Duration PERIOD = Duration.ofHours(1);

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final Clock clock;
    private final Heartbeat heartbeat;

    public RateLimitPurge(RateLimiter limiter, RateLimitConfig config, Clock clock, Heartbeats heartbeats) {
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
        this.heartbeat = heartbeats.register(JOB, Heartbeats.maxSilenceFor(PERIOD));
    }

    @Scheduled(identity = JOB, every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purgeOldWindows();
        } finally {
            heartbeat.beat();
        }
    }

    private void purgeOldWindows() {
        // Keep a day more than the longest window, so no live window is ever dropped.
        Duration longest = config.actions().values().stream()
                .map(RateLimitConfig.Limit::window)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        limiter.purgeBefore(Instant.now(clock).minus(longest).minus(Duration.ofDays(1)));
    }
}
