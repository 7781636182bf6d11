package io.clearname.kit.ratelimit;

import io.quarkus.arc.ArcInvocationContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Enforces {@link RateLimited} before the method runs, after authentication and the recent-sign-in check. */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 220)
public class RateLimitInterceptor {

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final JsonWebToken token;

    public RateLimitInterceptor(RateLimiter limiter, RateLimitConfig config, JsonWebToken token) {
        this.limiter = limiter;
        this.config = config;
        this.token = token;
    }

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited binding = ArcInvocationContext.findIterceptorBinding(context, RateLimited.class);
        var limit = binding == null ? null : config.actions().get(binding.value());
        if (limit != null && token.getSubject() != null) {
            limiter.hit(token.getSubject(), binding.value(), limit.limit(), limit.window());
        }
        return context.proceed();
    }
}
