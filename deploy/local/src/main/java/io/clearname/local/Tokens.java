package io.clearname.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Signs development bearer tokens (RS256 JWT) with a {@link DevKeys} private key, using only the JDK.
 *
 * <p>Header {@code {"alg":"RS256","typ":"JWT","kid":"clearname-dev"}}; claims {@code iss, sub, upn (= sub), groups,
 * iat, exp, auth_time, jti}, as MicroProfile JWT expects them.
 */
public final class Tokens {
    /** The issuer of development tokens; services verify {@code mp.jwt.verify.issuer} against it. */
    public static final String DEV_ISSUER = "https://clearname.local/dev";

    /** The {@code kid} header of development tokens. */
    public static final String KEY_ID = "clearname-dev";

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {}

    /**
     * A signed token.
     *
     * @param privateKeyPem a PKCS#8 PEM file such as {@link DevKeys#privateKey()}
     * @param issuer the {@code iss} claim, usually {@link #DEV_ISSUER}
     * @param subject {@code sub} and {@code upn}: the account id
     * @param groups the roles ({@code user}, {@code reviewer}, {@code support})
     * @param authTime when the user last authenticated ({@code auth_time})
     * @param ttl how long the token is valid from now ({@code exp - iat})
     */
    public static String sign(
            Path privateKeyPem, String issuer, String subject, Set<String> groups, Instant authTime, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", new TreeSet<>(groups));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("auth_time", authTime.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());

        String payload;
        try {
            payload = Json.MAPPER.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String signingInput = encode(HEADER) + "." + encode(payload);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(readPrivateKey(privateKeyPem));
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + privateKeyPem, e);
        }
    }

    static PrivateKey readPrivateKey(Path pem) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        }
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(pem + " is not a PKCS#8 PEM private key");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
