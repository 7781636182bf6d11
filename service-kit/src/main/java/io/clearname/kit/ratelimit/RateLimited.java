package io.clearname.kit.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method limited per caller (the token's {@code sub}): at most {@code clearname.rate-limit.<action>.limit}
 * calls per {@code clearname.rate-limit.<action>.window}, counted across every instance of the service. Above it the
 * answer is 429 {@code rate-limited} with {@code Retry-After}, and the method does not run. Every attempt counts,
 * refused ones included, so failing requests cannot be used to probe without limit.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The action's name in configuration and in the table, e.g. {@code clearing-submission}. */
    @Nonbinding
    String value();
}
