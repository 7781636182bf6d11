package io.clearname.kit.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Enforces {@link RecentAuthenticationRequired} before the method runs, so a stale sign-in changes nothing. */
@RecentAuthenticationRequired
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class RecentAuthenticationInterceptor {

    private final JsonWebToken token;
    private final Clock clock;
    private final Duration maxAge;

    public RecentAuthenticationInterceptor(
            JsonWebToken token,
            Clock clock,
            @ConfigProperty(name = "clearname.security.recent-authentication", defaultValue = "PT300S")
                    Duration maxAge) {
        this.token = token;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Object authTime = token.getClaim("auth_time");
        Instant now = Instant.now(clock);
        if (!(authTime instanceof Number seconds)
                || Instant.ofEpochSecond(seconds.longValue()).isBefore(now.minus(maxAge))
                || Instant.ofEpochSecond(seconds.longValue()).isAfter(now.plusSeconds(60))) {
            throw new StaleAuthenticationException(maxAge);
        }
        return context.proceed();
    }
}
