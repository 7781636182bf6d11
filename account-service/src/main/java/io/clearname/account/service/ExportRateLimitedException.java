package io.clearname.account.service;

import java.time.Duration;

/** The account downloaded its export {@code limit} times in the last 24 hours; the next slot opens after retryAfter. */
public class ExportRateLimitedException extends RuntimeException {

    private final int limit;
    private final Duration retryAfter;

    public ExportRateLimitedException(int limit, Duration retryAfter) {
        super("export over " + limit + " per 24 hours", null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
