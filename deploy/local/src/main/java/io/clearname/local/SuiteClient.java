package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A running suite's public API as {@link DemoCli} calls it: account-service over the JDK's {@code HttpClient}, with
 * tokens signed by the stack's development keys, and the stack's mailbox. A call that does not answer what it should
 * throws {@link IllegalStateException} with the status and body.
 */
final class SuiteClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI accountService;
    private final Path state;

    /**
     * @param accountService account-service's base URL
     * @param state the stack's state directory: its {@code keys/} sign the tokens, its {@code stack.env} names the
     *     issuer and the mailbox
     */
    SuiteClient(URI accountService, Path state) {
        this.accountService = accountService;
        this.state = state;
    }

    /** Whether support can read account {@code id}. */
    boolean accountExists(String id) throws IOException, InterruptedException {
        return call("GET", "/api/v1/admin/accounts/" + id, supportToken(), null, null)
                        .statusCode()
                == 200;
    }

    /** An account created by support, without a real name. */
    UUID createAccount(String phone, String email, String locale) throws IOException, InterruptedException {
        var response = call(
                "POST",
                "/api/v1/admin/accounts",
                supportToken(),
                Map.of("phone", phone, "email", email, "locale", locale),
                null);
        expect(response, 201, "create an account");
        return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
    }

    /**
     * An account as support brings it over from an identity platform, with a real name verified 30 days ago: a name
     * verified just now would, rightly, send the clearing to manual review (verification's RECENT_VERIFICATION rule).
     */
    UUID createVerifiedAccount(String phone, String email, String locale) throws IOException, InterruptedException {
        var realName = Map.of(
                "legalName",
                "演示用户",
                "idNumber",
                FakePeople.idNumber(),
                "verifiedAt",
                Instant.now().minus(Duration.ofDays(30)).toString());
        var response = call(
                "POST",
                "/api/v1/admin/accounts",
                supportToken(),
                Map.of("phone", phone, "email", email, "locale", locale, "realName", realName),
                null);
        expect(response, 201, "create an account with a verified real name");
        return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
    }

    /** Submits the account's clearing with every acknowledgement; its request id. */
    String submitClearing(UUID account) throws IOException, InterruptedException {
        var submitted = call(
                "POST",
                "/api/v1/me/real-name/clearing",
                userToken(account),
                Map.of("acknowledgements", List.of("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT")),
                UUID.randomUUID().toString());
        expect(submitted, 202, "submit the clearing");
        return JSON.readTree(submitted.body()).path("requestId").asText();
    }

    /** The clearing request as its owner reads it: status and timeline. */
    JsonNode clearingRequest(UUID account, String requestId) throws IOException, InterruptedException {
        var response = call("GET", "/api/v1/me/clearing-requests/" + requestId, userToken(account), null, null);
        expect(response, 200, "read the clearing request");
        return JSON.readTree(response.body());
    }

    /** The mails the stack's mailbox received for {@code email}; empty when no stack runs for the state directory. */
    Optional<JsonNode> mailTo(String email) throws IOException, InterruptedException {
        String mailbox = StackEnv.read(state).get("MAILBOX_URL");
        if (mailbox == null) {
            return Optional.empty();
        }
        var response = http.send(
                HttpRequest.newBuilder(URI.create(
                                mailbox + "/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Optional.of(JSON.readTree(response.body()));
    }

    private HttpResponse<String> call(String method, String path, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(accountService.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private String supportToken() {
        return token("demo-support", "support");
    }

    private String userToken(UUID account) {
        return token(account.toString(), "user");
    }

    private String token(String subject, String role) {
        DevKeys keys = DevKeys.ensure(state.resolve("keys"));
        String issuer = StackEnv.read(state).getOrDefault("JWT_ISSUER", Tokens.DEV_ISSUER);
        return Tokens.sign(keys.privateKey(), issuer, subject, Set.of(role), Instant.now(), Duration.ofMinutes(10));
    }
}
