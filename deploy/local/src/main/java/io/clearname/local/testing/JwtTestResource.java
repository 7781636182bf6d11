package io.clearname.local.testing;

import io.clearname.local.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens for {@code @QuarkusTest}s: a development key pair per test JVM (temporary directory), with SmallRye
 * JWT configured to verify it ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer} = {@link
 * Tokens#DEV_ISSUER}) and sign with it ({@code smallrye.jwt.sign.key.location}).
 *
 * <pre>
 * given().auth().oauth2(JwtTestResource.token("acc-1")).get("/api/v1/me/real-name")
 * </pre>
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {
    private static final Duration TTL = Duration.ofHours(1);

    @Override
    public Map<String, String> start() {
        Map<String, String> keys = SharedInfra.startShared("jwt", Map.of());
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.get(SharedInfra.JWT_PUBLIC_KEY),
                "mp.jwt.verify.issuer", Tokens.DEV_ISSUER,
                "smallrye.jwt.sign.key.location", keys.get(SharedInfra.JWT_PRIVATE_KEY));
    }

    /** Nothing: the keys serve every test of the JVM and are deleted when it exits. */
    @Override
    public void stop() {}

    /**
     * A token for {@code subject} (the account id) that authenticated just now, valid for an hour.
     *
     * @param roles the {@code groups}; {@code user} when none are given
     */
    public static String token(String subject, String... roles) {
        return token(subject, Duration.ZERO, roles);
    }

    /**
     * A token for {@code subject} whose {@code auth_time} lies {@code authAge} in the past, valid for an hour; for
     * the "recent authentication" rule.
     *
     * @param roles the {@code groups}; {@code user} when none are given. For a token without any group use {@link
     *     Tokens#sign} directly.
     */
    public static String token(String subject, Duration authAge, String... roles) {
        Set<String> groups = roles.length == 0 ? Set.of("user") : new LinkedHashSet<>(Arrays.asList(roles));
        Path privateKey = Path.of(SharedInfra.required(SharedInfra.JWT_PRIVATE_KEY, "JwtTestResource"));
        return Tokens.sign(
                privateKey, Tokens.DEV_ISSUER, subject, groups, Instant.now().minus(authAge), TTL);
    }
}
