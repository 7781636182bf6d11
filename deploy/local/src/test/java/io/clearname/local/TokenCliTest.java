package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCliTest {
    @TempDir
    Path state;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOnlyASignedToken() throws Exception {
        int rc = run(
                "--state",
                state.toString(),
                "--account",
                "acc-7",
                "--role",
                "reviewer",
                "--role",
                "support",
                "--auth-age",
                "900",
                "--ttl",
                "60");

        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R"), printed);
        String[] parts = printed.strip().split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(TokensTest.publicKey(state.resolve("keys").resolve("jwt-public.pem")));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));

        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("acc-7", claims.get("sub").asText());
        assertEquals("[\"reviewer\",\"support\"]", claims.get("groups").toString());
        long age = Instant.now().getEpochSecond() - claims.get("auth_time").asLong();
        assertTrue(age >= 900 && age < 960, "auth age " + age);
        assertEquals(60, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    void defaultsToTheUserRole() throws Exception {
        assertEquals(0, run("--state", state.toString(), "--account", "acc-8"));
        String payload = out.toString(StandardCharsets.UTF_8).strip().split("\\.")[1];
        assertEquals(
                "[\"user\"]",
                Json.MAPPER
                        .readTree(Base64.getUrlDecoder().decode(payload))
                        .get("groups")
                        .toString());
    }

    @Test
    void rejectsBadArgumentsWithExitCode2() {
        assertEquals(2, run("--state", state.toString()));
        assertEquals(2, run("--account", "a", "--role", "admin"));
        assertEquals(2, run("--account", "a", "--auth-age", "-1"));
        assertEquals(2, run("--account", "a", "--ttl", "0"));
        assertEquals(2, run("--account"));
        assertEquals(2, run("--account", "a", "--colour", "red"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(usage()));
        assertTrue(Files.notExists(state.resolve("keys")));
    }

    @Test
    void printsTheUsageOnStdoutForHelp() {
        assertEquals(0, run("--help"));
        assertEquals(usage(), out.toString(StandardCharsets.UTF_8));
        assertTrue(usage().startsWith("Usage: TokenCli [-h] [--state=DIR] --account=ID [--role=ROLE]..."), usage());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("-h"));
    }

    @Test
    void saysWhatIsWrongBeforeTheUsage() {
        assertEquals(2, run("--account", "a", "--role", "admin"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("unknown role admin" + System.lineSeparator()));
    }

    @Test
    void takesArgumentsLiterally() throws Exception {
        Path file = Files.writeString(state.resolve("arguments"), "acc-other");
        assertEquals(0, run("--state", state.toString(), "--account", "@" + file));
        String payload = out.toString(StandardCharsets.UTF_8).strip().split("\\.")[1];
        assertEquals(
                "@" + file,
                Json.MAPPER
                        .readTree(Base64.getUrlDecoder().decode(payload))
                        .get("sub")
                        .asText());
    }

    private static String usage() {
        return Cli.commandLine(new TokenCli(), System.out, System.err).getUsageMessage();
    }

    private int run(String... args) {
        return TokenCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
