package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
    @TempDir
    Path dir;

    @Test
    void signsATokenThatThePublicKeyVerifies() throws Exception {
        DevKeys keys = DevKeys.ensure(dir.resolve("keys"));
        Instant authTime = Instant.now().minusSeconds(600);

        String token = Tokens.sign(
                keys.privateKey(),
                Tokens.DEV_ISSUER,
                "acc-42",
                Set.of("user", "support"),
                authTime,
                Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(keys.publicKey()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature");

        // As JSON objects: the order of a header's members carries no meaning.
        assertEquals(
                Json.MAPPER.readTree("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"clearname-dev\"}"),
                Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0])));
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(Tokens.DEV_ISSUER, claims.get("iss").asText());
        assertEquals("acc-42", claims.get("sub").asText());
        assertEquals("acc-42", claims.get("upn").asText());
        assertEquals(
                Set.of("user", "support"),
                Set.of(
                        claims.get("groups").get(0).asText(),
                        claims.get("groups").get(1).asText()));
        assertEquals(authTime.getEpochSecond(), claims.get("auth_time").asLong());
        assertEquals(300, claims.get("exp").asLong() - claims.get("iat").asLong());
        UUID.fromString(claims.get("jti").asText());
        assertTrue(parts[0].indexOf('=') < 0 && parts[1].indexOf('=') < 0 && parts[2].indexOf('=') < 0, "no padding");
    }

    @Test
    void reusesTheKeysItCreatedAndKeepsThemPrivate() throws Exception {
        DevKeys first = DevKeys.ensure(dir.resolve("keys"));
        byte[] privateKey = Files.readAllBytes(first.privateKey());
        DevKeys second = DevKeys.ensure(dir.resolve("keys"));

        assertArrayEquals(privateKey, Files.readAllBytes(second.privateKey()));
        assertTrue(Files.readString(first.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(first.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKey())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.publicKey())));
    }

    static PublicKey publicKey(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
