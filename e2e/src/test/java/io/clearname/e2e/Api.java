package io.clearname.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** account-service's public API, as a client calls it: JDK HttpClient, Jackson, bearer tokens. */
final class Api {
    static final List<String> ALL_ACKNOWLEDGEMENTS = List.of("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI accountService;
    private final BiFunction<String, String, String> tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status and JSON body ({@link MissingNode} when there is none). */
    record Response(int status, JsonNode body) {
        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    /**
     * @param accountService the service's base URL
     * @param tokens (subject, role) to a bearer token
     */
    Api(URI accountService, BiFunction<String, String, String> tokens) {
        this.accountService = accountService;
        this.tokens = tokens;
    }

    /** Support creates an account; returns its id. */
    UUID createAccount(String email, String phone, String locale) {
        Response created = call(
                "POST",
                "/api/v1/admin/accounts",
                tokens.apply("e2e-support", "support"),
                Map.of("phone", phone, "email", email, "locale", locale),
                null);
        expect(created, 201, "create an account");
        return UUID.fromString(created.body().path("id").asText());
    }

    /** Support creates an account that comes with a real name verified at {@code verifiedAt}; returns its id. */
    UUID createVerifiedAccount(
            String email,
            String phone,
            String locale,
            String legalName,
            String idNumber,
            java.time.Instant verifiedAt) {
        Response created = call(
                "POST",
                "/api/v1/admin/accounts",
                tokens.apply("e2e-support", "support"),
                Map.of(
                        "phone",
                        phone,
                        "email",
                        email,
                        "locale",
                        locale,
                        "realName",
                        Map.of("legalName", legalName, "idNumber", idNumber, "verifiedAt", verifiedAt.toString())),
                null);
        expect(created, 201, "create an account with a verified real name");
        return UUID.fromString(created.body().path("id").asText());
    }

    /** Submits a clearing with every acknowledgement; the caller checks the answer. */
    Response submitClearing(UUID account, String idempotencyKey) {
        return call(
                "POST",
                "/api/v1/me/real-name/clearing",
                user(account),
                Map.of("acknowledgements", ALL_ACKNOWLEDGEMENTS),
                idempotencyKey);
    }

    /** {@code PUT /me/real-name}: binds a real name, verified now; the caller checks the answer. */
    Response bindRealName(UUID account, String legalName, String idNumber) {
        return call(
                "PUT",
                "/api/v1/me/real-name",
                user(account),
                Map.of("legalName", legalName, "idNumber", idNumber),
                null);
    }

    /** {@code POST /me/clearing-requests/{id}/withdrawal}; the caller checks the answer. */
    Response withdraw(UUID account, UUID requestId) {
        return call("POST", "/api/v1/me/clearing-requests/" + requestId + "/withdrawal", user(account), null, null);
    }

    /** {@code GET /me/clearing-requests/{id}}: status and timeline. */
    JsonNode clearingRequest(UUID account, UUID requestId) {
        Response found = call("GET", "/api/v1/me/clearing-requests/" + requestId, user(account), null, null);
        expect(found, 200, "read clearing request " + requestId);
        return found.body();
    }

    /** {@code GET /me/real-name}. */
    JsonNode realName(UUID account) {
        Response found = call("GET", "/api/v1/me/real-name", user(account), null, null);
        expect(found, 200, "read the real-name status");
        return found.body();
    }

    private String user(UUID account) {
        return tokens.apply(account.toString(), "user");
    }

    private Response call(String method, String path, String token, Object body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(accountService.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(
                    response.statusCode(),
                    text == null || text.isBlank() ? MissingNode.getInstance() : parse(text, method, path));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text, String method, String path) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + text, e);
        }
    }

    private static void expect(Response response, int status, String what) {
        if (response.status() != status) {
            throw new AssertionError("could not " + what + ": " + response);
        }
    }
}
