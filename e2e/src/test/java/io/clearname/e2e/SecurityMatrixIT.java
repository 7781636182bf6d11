package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.local.DevKeys;
import io.clearname.local.FakePeople;
import io.clearname.local.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the three services, called by every kind of caller that must be turned away: no token, a token
 * signed by another key, an expired one, one from another issuer, another account's, one without the needed role,
 * and a sign-in too old for the action. Each gets its status as a problem detail, and no database changes.
 */
@WithSuite
class SecurityMatrixIT {

    private static Suite suite;
    private static Person victim;
    private static Person stranger;
    private static UUID request;
    private static Path foreignKey;

    /** One endpoint: where, what it needs, and a body that would change something if it got through. */
    record Endpoint(
            Service service,
            String method,
            String path,
            String body,
            String role,
            boolean ownedByVictim,
            boolean needsRecentSignIn) {

        @Override
        public String toString() {
            return method + " " + service + path;
        }
    }

    enum Caller {
        NO_TOKEN,
        BAD_SIGNATURE,
        EXPIRED,
        WRONG_ISSUER,
        WRONG_ROLE,
        ANOTHER_ACCOUNT,
        STALE_SIGN_IN
    }

    @BeforeAll
    static void clearARequest(Suite started) throws IOException {
        suite = started;
        Api api = suite.api();
        victim = Person.verified(api, "victim");
        stranger = Person.verified(api, "stranger");
        Api.Response submitted =
                api.submitClearing(victim.account(), UUID.randomUUID().toString());
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(202);
        request = UUID.fromString(submitted.body().path("requestId").asText());
        await("request cleared and every notice delivered")
                .atMost(Duration.ofSeconds(60))
                .until(() -> Timeline.clearedAndNotified(api.clearingRequest(victim.account(), request)));
        foreignKey = DevKeys.ensure(Files.createTempDirectory("foreign-keys")).privateKey();
        // Work that follows a clearing in the background (the data key's destruction, outbox rows deleted after
        // publication) must be over, or the digests below would see it: wait until two readings 2 s apart agree.
        var last = new java.util.concurrent.atomic.AtomicReference<Map<String, String>>(Map.of());
        await("databases at rest")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .until(() ->
                        last.getAndSet(DatabaseSnapshot.of(suite.databases())).equals(last.get()));
    }

    @Test
    void everyEndpointTurnsAwayEveryCallerItMustAndNothingChanges() {
        var before = DatabaseSnapshot.of(suite.databases());
        var wrong = new ArrayList<String>();
        int calls = 0;

        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                Integer expected = expectedStatus(endpoint, caller);
                if (expected == null) {
                    continue;
                }
                calls++;
                Http.Answer answer = call(endpoint, caller);
                if (answer.status() != expected || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(endpoint + " as " + caller + ": expected " + expected + " problem+json, got "
                            + answer.status() + " " + answer.contentType() + " " + answer.body());
                }
                if (caller == Caller.STALE_SIGN_IN
                        && !answer.wwwAuthenticate().contains("insufficient_user_authentication")) {
                    wrong.add(endpoint + " as " + caller + ": no step-up challenge: " + answer.wwwAuthenticate());
                }
            }
        }

        assertThat(calls).isGreaterThan(100);
        assertThat(wrong).as("answers that were not the expected refusal").isEmpty();
        assertThat(DatabaseSnapshot.of(suite.databases()))
                .as("every table of every database after %d refused calls", calls)
                .isEqualTo(before);
    }

    /** The status a caller gets, or null when the combination says nothing (e.g. another account on /me). */
    private static Integer expectedStatus(Endpoint endpoint, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_SIGNATURE, EXPIRED, WRONG_ISSUER -> 401;
            case WRONG_ROLE -> 403;
            case ANOTHER_ACCOUNT -> endpoint.ownedByVictim() ? 404 : null;
            case STALE_SIGN_IN -> endpoint.needsRecentSignIn() ? 401 : null;
        };
    }

    private static Http.Answer call(Endpoint endpoint, Caller caller) {
        Map<String, String> headers =
                Map.of("Idempotency-Key", UUID.randomUUID().toString());
        return Http.call(
                suite.url(endpoint.service()),
                endpoint.method(),
                endpoint.path(),
                token(endpoint, caller),
                endpoint.body(),
                headers);
    }

    private static String token(Endpoint endpoint, Caller caller) {
        String subject = endpoint.role().equals("user") ? victim.account().toString() : "staff-member";
        Instant now = Instant.now();
        Duration hour = Duration.ofHours(1);
        return switch (caller) {
            case NO_TOKEN -> null;
            case BAD_SIGNATURE ->
                Tokens.sign(foreignKey, Tokens.DEV_ISSUER, subject, Set.of(endpoint.role()), now, hour);
            case EXPIRED ->
                Tokens.sign(
                        suite.signingKey(),
                        Tokens.DEV_ISSUER,
                        subject,
                        Set.of(endpoint.role()),
                        now.minus(Duration.ofHours(2)),
                        Duration.ofMinutes(-30));
            case WRONG_ISSUER ->
                Tokens.sign(
                        suite.signingKey(), "https://issuer.example.com", subject, Set.of(endpoint.role()), now, hour);
            case WRONG_ROLE ->
                Tokens.sign(
                        suite.signingKey(),
                        Tokens.DEV_ISSUER,
                        subject,
                        Set.of(endpoint.role().equals("user") ? "reviewer" : "user"),
                        now,
                        hour);
            case ANOTHER_ACCOUNT ->
                Tokens.sign(
                        suite.signingKey(),
                        Tokens.DEV_ISSUER,
                        stranger.account().toString(),
                        Set.of("user"),
                        now,
                        hour);
            case STALE_SIGN_IN ->
                Tokens.sign(
                        suite.signingKey(),
                        Tokens.DEV_ISSUER,
                        subject,
                        Set.of(endpoint.role()),
                        now.minus(Duration.ofMinutes(30)),
                        hour);
        };
    }

    private static List<Endpoint> endpoints() {
        String r = request.toString();
        String account = victim.account().toString();
        String bind =
                "{\"legalName\": \"" + FakePeople.legalName() + "\", \"idNumber\": \"" + FakePeople.idNumber() + "\"}";
        String acknowledged = "{\"acknowledgements\": [\"BACKUP_DONE\", \"ENTITLEMENTS_LOST\", \"CONTACT_CORRECT\"]}";
        String newAccount = "{\"phone\": \"" + FakePeople.phone() + "\", \"email\": \"new@example.com\"}";
        Service a = Service.ACCOUNT;
        Service v = Service.VERIFICATION;
        Service n = Service.NOTIFICATION;
        return List.of(
                new Endpoint(a, "GET", "/api/v1/me/real-name", null, "user", false, false),
                new Endpoint(a, "PUT", "/api/v1/me/real-name", bind, "user", false, false),
                new Endpoint(a, "GET", "/api/v1/me/real-name/clearing/preflight", null, "user", false, false),
                new Endpoint(a, "POST", "/api/v1/me/real-name/clearing", acknowledged, "user", false, true),
                new Endpoint(a, "GET", "/api/v1/me/clearing-requests", null, "user", false, false),
                new Endpoint(a, "GET", "/api/v1/me/clearing-requests/" + r, null, "user", true, false),
                new Endpoint(a, "POST", "/api/v1/me/clearing-requests/" + r + "/withdrawal", null, "user", true, true),
                new Endpoint(a, "POST", "/api/v1/admin/accounts", newAccount, "support", false, false),
                new Endpoint(a, "GET", "/api/v1/admin/accounts/" + account, null, "support", false, false),
                new Endpoint(
                        a,
                        "PATCH",
                        "/api/v1/admin/accounts/" + account,
                        "{\"restrictions\": [\"LEGAL_HOLD\"]}",
                        "support",
                        false,
                        false),
                new Endpoint(v, "GET", "/api/v1/me/clearing-requests/" + r + "/audit", null, "user", true, false),
                new Endpoint(
                        v,
                        "POST",
                        "/api/v1/me/clearing-requests/" + r + "/complaints",
                        "{\"message\": \"Why was this approved?\"}",
                        "user",
                        true,
                        false),
                new Endpoint(v, "GET", "/api/v1/me/clearing-requests/" + r + "/complaints", null, "user", true, false),
                new Endpoint(v, "GET", "/api/v1/review/cases", null, "reviewer", false, false),
                new Endpoint(v, "GET", "/api/v1/review/cases/" + r, null, "reviewer", false, false),
                new Endpoint(v, "POST", "/api/v1/review/cases/" + r + "/assignment", null, "reviewer", false, false),
                new Endpoint(v, "DELETE", "/api/v1/review/cases/" + r + "/assignment", null, "reviewer", false, false),
                new Endpoint(
                        v,
                        "POST",
                        "/api/v1/review/cases/" + r + "/decision",
                        "{\"decision\": \"REJECTED\", \"reasonCodes\": [\"SUSPECTED_MISUSE\"], \"userMessage\": \"x\","
                                + " \"internalNote\": \"y\"}",
                        "reviewer",
                        false,
                        false),
                new Endpoint(v, "GET", "/api/v1/review/reason-codes", null, "reviewer", false, false),
                new Endpoint(n, "GET", "/api/v1/me/notifications", null, "user", false, false),
                new Endpoint(n, "GET", "/api/v1/notifications?requestId=" + r, null, "support", false, false));
    }
}
