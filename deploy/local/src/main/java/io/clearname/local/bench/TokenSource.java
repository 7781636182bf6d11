package io.clearname.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Where the benchmark's bearer tokens come from: the local development key, or a command the operator gives. */
public interface TokenSource {

    /** A token of the person owning {@code account}, signed in just now (submitting needs a recent sign-in). */
    String user(UUID account);

    /** A token with the {@code support} role, to create the benchmark's accounts. */
    String support();

    /** Tokens signed with the development key of a local suite ({@code STATE/keys/jwt-private.pem}). */
    static TokenSource local(Path state) {
        return signedWith(state.resolve("keys").resolve("jwt-private.pem"));
    }

    /** Tokens of the development issuer signed with {@code privateKeyPem} (PKCS#8). */
    static TokenSource signedWith(Path privateKeyPem) {
        Path key = privateKeyPem;
        return new TokenSource() {
            @Override
            public String user(UUID account) {
                return sign(account.toString(), Set.of("user"));
            }

            @Override
            public String support() {
                return sign("clearname-bench", Set.of("support"));
            }

            private String sign(String subject, Set<String> roles) {
                return io.clearname.local.Tokens.sign(
                        key, io.clearname.local.Tokens.DEV_ISSUER, subject, roles, Instant.now(), Duration.ofHours(2));
            }
        };
    }

    /**
     * Tokens printed by a command of the operator's, e.g. one that asks the deployment's identity provider:
     * {@code {account}} and {@code {role}} in it are replaced (role {@code user} or {@code support}).
     */
    static TokenSource command(String template) {
        return new TokenSource() {
            @Override
            public String user(UUID account) {
                return run(account.toString(), "user");
            }

            @Override
            public String support() {
                return run("clearname-bench", "support");
            }

            private String run(String account, String role) {
                List<String> command = new ArrayList<>();
                for (String part : template.trim().split("\\s+")) {
                    command.add(part.replace("{account}", account).replace("{role}", role));
                }
                try {
                    Process process = new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
                    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                        throw new IllegalStateException("the token command failed: " + command.get(0));
                    }
                    return out;
                } catch (IOException e) {
                    throw new IllegalStateException("cannot run the token command " + command.get(0), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
    }
}
