package io.clearname.kit.security;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that only a recently authenticated person may call: the token's {@code auth_time} must lie within
 * {@code clearname.security.recent-authentication} (default 300 s). Otherwise the answer is 401 with {@code
 * WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=...} (RFC 9470), so the client knows to
 * send the person through sign-in again and retry.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RecentAuthenticationRequired {}
