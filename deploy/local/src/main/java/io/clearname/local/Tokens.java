package io.clearname.local;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Signs development bearer tokens (RS256 JWT) with a {@link DevKeys} private key, through SmallRye JWT's builder.
 *
 * <p>Header {@code alg RS256, typ JWT, kid clearname-dev}; claims {@code iss, sub, upn (= sub), groups, iat, exp,
 * auth_time, jti}, as MicroProfile JWT expects them. SmallRye JWT's {@code smallrye.jwt.new-token.*} settings apply
 * too (an {@code aud} claim, say); none is set by default.
 */
public final class Tokens {
    /** The issuer of development tokens; services verify {@code mp.jwt.verify.issuer} against it. */
    public static final String DEV_ISSUER = "https://clearname.local/dev";

    /** The {@code kid} header of development tokens. */
    public static final String KEY_ID = "clearname-dev";

    private Tokens() {}

    /**
     * A signed token.
     *
     * @param privateKeyPem a PKCS#8 PEM file such as {@link DevKeys#privateKey()}
     * @param issuer the {@code iss} claim, usually {@link #DEV_ISSUER}
     * @param subject {@code sub} and {@code upn}: the account id
     * @param groups the roles ({@code user}, {@code reviewer}, {@code reviewer-lead}, {@code support})
     * @param authTime when the user last authenticated ({@code auth_time})
     * @param ttl how long the token is valid from now ({@code exp - iat})
     * @throws io.smallrye.jwt.build.JwtSignatureException when the key cannot be read or used
     */
    public static String sign(
            Path privateKeyPem, String issuer, String subject, Set<String> groups, Instant authTime, Duration ttl) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                // sorted, so that the same roles always read the same
                .groups(new TreeSet<>(groups))
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plus(ttl).getEpochSecond())
                .claim(Claims.auth_time, authTime.getEpochSecond())
                .claim(Claims.jti, UUID.randomUUID().toString())
                .jws()
                .keyId(KEY_ID)
                .sign(privateKeyPem.toAbsolutePath().toString());
    }
}
