package io.clearname.kit.ratelimit;

import java.time.Duration;

/** A caller went over an action's limit; {@link #retryAfter()} is the time until the window ends. */
public class RateLimitedException extends RuntimeException {

    private final int limit;
    private final Duration window;
    private final Duration retryAfter;

    public RateLimitedException(String action, int limit, Duration window, Duration retryAfter) {
        super(action + " over " + limit + " per " + window, null, false, false);
        this.limit = limit;
        this.window = window;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
