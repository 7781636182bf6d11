package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded batch of malformed requests to every writing endpoint and to path parameters of every service, from an
 * authorised caller: each is refused with a 4xx problem detail, never a 5xx, never a stack trace.
 */
@WithSuite
class FuzzIT {

    private static final long SEED = 20261128L;
    private static final int RANDOM_BODIES_PER_ENDPOINT = 25;

    private static Suite suite;
    private static Person person;

    record Target(Service service, String method, String path, String role) {}

    @BeforeAll
    static void createPerson(Suite started) {
        suite = started;
        person = Person.verified(suite.api(), "fuzz");
    }

    @Test
    void malformedRequestsAreRefusedWithoutAServerError() {
        Random random = new Random(SEED);
        var wrong = new ArrayList<String>();
        int calls = 0;
        String someRequest = UUID.randomUUID().toString();

        for (Target target : targets(someRequest)) {
            List<String> bodies = new ArrayList<>(fixedBodies());
            for (int i = 0; i < RANDOM_BODIES_PER_ENDPOINT; i++) {
                bodies.add(randomBody(random));
            }
            for (String body : bodies) {
                calls++;
                Http.Answer answer = Http.call(
                        suite.url(target.service()),
                        target.method(),
                        target.path(),
                        token(target.role()),
                        body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                if (answer.status() >= 500
                        || answer.status() < 400
                        || answer.body().contains("Exception")
                        || answer.body().contains("\tat ")) {
                    wrong.add(target + " with " + abbreviate(body) + ": " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        for (String path : malformedPaths()) {
            for (Service service : Service.values()) {
                for (String role : List.of("user", "reviewer", "support")) {
                    calls++;
                    Http.Answer answer = Http.call(suite.url(service), "GET", path, token(role), null, Map.of());
                    if (answer.status() >= 500 || answer.body().contains("Exception")) {
                        wrong.add("GET " + service + path + " as " + role + ": " + answer.status() + " "
                                + abbreviate(answer.body()));
                    }
                }
            }
        }

        assertThat(calls).isGreaterThan(300);
        assertThat(wrong)
                .as("answers to malformed requests that were not a clean 4xx")
                .isEmpty();
    }

    private static List<Target> targets(String someRequest) {
        return List.of(
                new Target(Service.ACCOUNT, "PUT", "/api/v1/me/real-name", "user"),
                new Target(Service.ACCOUNT, "POST", "/api/v1/me/real-name/clearing", "user"),
                new Target(Service.ACCOUNT, "POST", "/api/v1/admin/accounts", "support"),
                new Target(Service.ACCOUNT, "PATCH", "/api/v1/admin/accounts/" + person.account(), "support"),
                new Target(
                        Service.VERIFICATION,
                        "POST",
                        "/api/v1/me/clearing-requests/" + someRequest + "/complaints",
                        "user"),
                new Target(
                        Service.VERIFICATION, "POST", "/api/v1/review/cases/" + someRequest + "/decision", "reviewer"));
    }

    /** Bodies no endpoint accepts: broken syntax, wrong shapes, hostile sizes and nesting. */
    private static List<String> fixedBodies() {
        return List.of(
                "",
                "{",
                "}",
                "null",
                "[]",
                "\"just a string\"",
                "12345678901234567890123456789",
                "{\"a\":}",
                "{\"legalName\": {\"$gt\": \"\"}}",
                "{\"acknowledgements\": \"BACKUP_DONE\"}",
                "{\"acknowledgements\": [null, null]}",
                "{\"phone\": [\"+8613800000000\"], \"email\": 12}",
                "{\"decision\": \"MAYBE\", \"reasonCodes\": \"x\"}",
                "{\"message\": {\"nested\": true}}",
                "{\"walletBalanceCents\": 1e400}",
                "{\"lastSecurityChangeAt\": \"yesterday\"}",
                "[".repeat(2000) + "]".repeat(2000),
                "{\"x\": \"" + "\\u0000".repeat(50) + "\"}",
                "{\"x\": \"\\uD800\"}",
                "\uFEFF{\"phone\": }",
                "{\"" + "k".repeat(10_000) + "\": 1}");
    }

    private static String randomBody(Random random) {
        int length = 1 + random.nextInt(200);
        var text = new StringBuilder();
        String alphabet = "{}[]\":,0123456789-+.eEtruefalsnl\\ abcxyz\u00e9\u4e2d";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // Never a valid document by accident: an unclosed object.
        return "{" + text;
    }

    private static List<String> malformedPaths() {
        return List.of(
                "/api/v1/me/clearing-requests/not-a-uuid",
                "/api/v1/me/clearing-requests/" + "9".repeat(300),
                "/api/v1/me/clearing-requests/%00",
                "/api/v1/me/clearing-requests/../../q/metrics",
                "/api/v1/review/cases?state=NOPE&sort=%27%3B",
                "/api/v1/review/cases?page=-1&size=100000",
                "/api/v1/notifications?requestId=%27%20OR%201%3D1",
                "/api/v1/me/clearing-requests/" + UUID.randomUUID() + "/audit");
    }

    private static String token(String role) {
        String subject = role.equals("user") ? person.account().toString() : "fuzz-" + role;
        return suite.token(subject, role);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
