package io.clearname.kit.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Drops counters of windows that ended long ago; any instance may do it, repeating it is harmless. */
@ApplicationScoped
public class RateLimitPurge {

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimitPurge(RateLimiter limiter, RateLimitConfig config, Clock clock) {
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        // Keep a day more than the longest window, so no live window is ever dropped.
        Duration longest = config.actions().values().stream()
                .map(RateLimitConfig.Limit::window)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        limiter.purgeBefore(Instant.now(clock).minus(longest).minus(Duration.ofDays(1)));
    }
}
