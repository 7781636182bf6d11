package io.clearname.kit.security;

import java.time.Duration;

/** The bearer token is valid but its {@code auth_time} is too old (or absent) for the action. */
public class StaleAuthenticationException extends RuntimeException {

    private final Duration maxAge;

    public StaleAuthenticationException(Duration maxAge) {
        super("authentication older than " + maxAge, null, false, false);
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
