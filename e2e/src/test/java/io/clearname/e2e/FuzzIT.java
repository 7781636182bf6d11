package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded batch of malformed requests to every writing endpoint, aimed at things that exist and belong to the caller
 * (a request in review, its open case, an open dead letter, a concluded request), so that nothing stops them at 404:
 * each is refused by parsing or validation with a 4xx problem detail, never a 5xx, never a stack trace, and no database
 * changes. Well-formed bodies that break a business rule get their 422. Malformed path, query and header values get a
 * clean answer too.
 */
@WithSuite
class FuzzIT {

    private static final long SEED = 20261128L;
    private static final int RANDOM_BODIES_PER_ENDPOINT = 25;
    private static final String PROBLEMS = "https://clearname.io/problems/";
    /** Answers that would mean the fuzzed request never reached parsing or validation. */
    private static final Set<Integer> NOT_REACHED = Set.of(401, 403, 404, 405, 415, 429);

    private static final Logger LOG = Logger.getLogger(FuzzIT.class.getName());

    private static Suite suite;
    private static Person owner;
    private static Person submitter;
    private static UUID cleared;
    private static UUID inReview;
    private static UUID complaint;
    private static Map<Service, List<String>> deadLetters;

    /**
     * @param role the caller's role; a user is the owner, except on submission, which has a caller of its own so that
     *     the owner's submissions so far do not count against its rate limit
     * @param invalid well-formed bodies that break a rule, each answered 422
     */
    record Target(Service service, String method, String path, String role, List<String> invalid) {
        @Override
        public String toString() {
            return method + " " + service + path;
        }
    }

    @BeforeAll
    static void createRealThings(Suite started) {
        suite = started;
        Api api = suite.api();
        Person first = Person.verified(api, "fuzz");
        cleared = Clearings.cleared(suite, first);
        owner = Clearings.rebound(api, first);
        inReview = Clearings.inReview(suite, owner);
        complaint = Clearings.complain(
                suite, owner, inReview, UUID.randomUUID().toString(), "{\"message\": \"Please hurry.\"}");
        Clearings.awaitNotices(suite, inReview, 3);
        submitter = Person.verified(api, "fuzz-submitter");
        deadLetters = DeadLetterFixture.open(suite);
    }

    @Test
    void malformedBodiesForRealThingsAreRefusedWithoutAServerErrorAndChangeNothing() {
        var before = DatabaseSnapshot.atRest(suite.databases(), Duration.ofSeconds(60));
        Random random = new Random(SEED);
        var wrong = new ArrayList<String>();
        int calls = 0;

        for (Target target : targets()) {
            List<String> bodies = new ArrayList<>(FuzzBodies.fixed());
            bodies.addAll(FuzzBodies.random(random, RANDOM_BODIES_PER_ENDPOINT));
            var statuses = new TreeMap<Integer, Integer>();
            for (String body : bodies) {
                calls++;
                statuses.merge(check(target, body, send(target, body), null, wrong), 1, Integer::sum);
            }
            for (String body : target.invalid()) {
                calls++;
                statuses.merge(check(target, body, send(target, body), 422, wrong), 1, Integer::sum);
            }
            LOG.info(() -> target + ": " + statuses);
        }
        // A withdrawal takes no body: whatever comes along, the concluded request is not withdrawable. Few, since
        // every withdrawal counts against the account's limit.
        Target withdrawal = new Target(
                Service.ACCOUNT, "POST", "/api/v1/me/clearing-requests/" + cleared + "/withdrawal", "user", List.of());
        for (String body : List.of("{", "null", "[".repeat(2000), "{\"x\": \"\\uD800\"}", "\uFEFF{\"a\": 1}")) {
            calls++;
            check(withdrawal, body, send(withdrawal, body), 409, wrong);
        }

        assertThat(calls).isGreaterThan(400);
        assertThat(wrong)
                .as("answers to malformed requests that were not a clean refusal after the id was found")
                .isEmpty();
        assertThat(DatabaseSnapshot.of(suite.databases()))
                .as("every table of every database after %d refused writes", calls)
                .isEqualTo(before);
        JsonNode theCase = Clearings.read(Clearings.reviewer(suite, "GET", "/api/v1/review/cases/" + inReview, null));
        assertThat(theCase.path("state").asText()).as("the case's state").isEqualTo("IN_REVIEW");
        assertThat(theCase.path("assignee").isNull())
                .as("the case unassigned: %s", theCase)
                .isTrue();
    }

    @Test
    void malformedParametersAndHeadersGetACleanAnswerAndRealIdsAreStillFound() {
        var wrong = new ArrayList<String>();
        int calls = 0;

        String me = "/api/v1/me/clearing-requests/" + inReview;
        for (String language : FuzzBodies.languages()) {
            for (var read : List.of(
                    new Target(Service.VERIFICATION, "GET", me + "/audit", "user", List.of()),
                    new Target(Service.VERIFICATION, "GET", me + "/complaints/" + complaint, "user", List.of()),
                    new Target(Service.VERIFICATION, "GET", "/api/v1/review/cases/" + inReview, "reviewer", List.of()),
                    new Target(Service.ACCOUNT, "GET", me, "user", List.of()))) {
                calls++;
                Http.Answer answer = Http.call(
                        suite.url(read.service()),
                        "GET",
                        read.path(),
                        token(read.role()),
                        null,
                        language.isEmpty() ? Map.of() : Map.of("Accept-Language", language));
                if (answer.status() != 200 || leaksInternals(answer.body())) {
                    wrong.add(read + " with Accept-Language " + abbreviate(language) + ": " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        for (String path : malformedPaths()) {
            for (Service service : Service.values()) {
                for (String role : List.of("user", "reviewer", "support")) {
                    calls++;
                    Http.Answer answer = Http.call(suite.url(service), "GET", path, token(role), null, Map.of());
                    if (answer.status() >= 500
                            || leaksInternals(answer.body())
                            || (answer.status() >= 400
                                    && !answer.contentType().startsWith("application/problem+json"))) {
                        wrong.add("GET " + service + path + " as " + role + ": " + answer.status() + " "
                                + abbreviate(answer.body()));
                    }
                }
            }
        }

        assertThat(calls).isGreaterThan(100);
        assertThat(wrong).as("answers to malformed parameters").isEmpty();
    }

    private static List<Target> targets() {
        List<Target> targets = new ArrayList<>(List.of(
                new Target(
                        Service.ACCOUNT,
                        "PUT",
                        "/api/v1/me/real-name",
                        "user",
                        List.of("{\"legalName\": \"\", \"idNumber\": \"123\"}")),
                new Target(
                        Service.ACCOUNT,
                        "POST",
                        "/api/v1/me/real-name/clearing",
                        "submitter",
                        List.of("{\"acknowledgements\": [\"BACKUP_DONE\"]}")),
                new Target(
                        Service.ACCOUNT,
                        "POST",
                        "/api/v1/admin/accounts",
                        "support",
                        List.of("{\"phone\": \"12\", \"email\": \"not-an-email\"}")),
                new Target(
                        Service.ACCOUNT,
                        "PATCH",
                        "/api/v1/admin/accounts/" + owner.account(),
                        "support",
                        List.of("{\"walletBalanceCents\": -1}", "{\"locale\": \"fr\"}")),
                new Target(
                        Service.VERIFICATION,
                        "POST",
                        "/api/v1/me/clearing-requests/" + inReview + "/complaints",
                        "user",
                        List.of("{\"message\": \"\"}", "{\"message\": \"" + "x".repeat(2001) + "\"}")),
                new Target(
                        Service.VERIFICATION,
                        "POST",
                        "/api/v1/review/cases/" + inReview + "/decision",
                        "reviewer",
                        List.of(
                                "{\"decision\": \"REJECTED\", \"reasonCodes\": []}",
                                "{\"decision\": \"APPROVED\", \"reasonCodes\": [\"NO_SUCH_CODE\"]}",
                                "{\"decision\": \"APPROVED\", \"userMessage\": \"" + "x".repeat(501) + "\"}"))));
        deadLetters.forEach((service, ids) -> targets.add(new Target(
                service,
                "POST",
                Endpoints.DEAD_LETTERS + "/" + ids.get(0) + "/discard",
                "support",
                List.of("{\"reason\": \"\"}", "{\"reason\": \"" + "x".repeat(501) + "\"}"))));
        return targets;
    }

    private static Http.Answer send(Target target, String body) {
        return Http.call(
                suite.url(target.service()),
                target.method(),
                target.path(),
                token(target.role()),
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** A 4xx problem detail with a stable type that is not a sign of the id being missed; {@code status} if given. */
    private static int check(Target target, String body, Http.Answer answer, Integer status, List<String> wrong) {
        boolean clean = answer.status() >= 400
                && answer.status() < 500
                && !NOT_REACHED.contains(answer.status())
                && (status == null || answer.status() == status)
                && answer.contentType().startsWith("application/problem+json")
                && Clearings.json(answer.body()).path("type").asText().startsWith(PROBLEMS)
                && !leaksInternals(answer.body());
        if (!clean) {
            wrong.add(target + " with " + abbreviate(body) + ": " + answer.status() + " " + abbreviate(answer.body()));
        }
        return answer.status();
    }

    private static boolean leaksInternals(String body) {
        return body.contains("Exception")
                || body.contains("\tat ")
                || body.contains("at io.")
                || body.contains("at java.")
                || body.contains("org.hibernate")
                || body.contains("SQLState");
    }

    private static List<String> malformedPaths() {
        return List.of(
                "/api/v1/me/clearing-requests/not-a-uuid",
                "/api/v1/me/clearing-requests/" + "9".repeat(300),
                "/api/v1/me/clearing-requests/%00",
                "/api/v1/me/clearing-requests/../../q/metrics",
                "/api/v1/me/clearing-requests/" + inReview + "/complaints/not-a-uuid",
                "/api/v1/review/cases?state=NOPE&sort=%27%3B",
                "/api/v1/review/cases?page=-1&size=100000",
                "/api/v1/review/cases?accountId=" + owner.account() + "%27",
                "/api/v1/notifications?requestId=%27%20OR%201%3D1",
                "/api/v1/notifications?requestId=" + inReview + "%27--",
                Endpoints.DEAD_LETTERS + "?state=NOPE&limit=0",
                Endpoints.DEAD_LETTERS + "?limit=99999999999",
                Endpoints.DEAD_LETTERS + "/not-a-uuid");
    }

    private static String token(String role) {
        return switch (role) {
            case "user" -> suite.token(owner.account().toString(), "user");
            case "submitter" -> suite.token(submitter.account().toString(), "user");
            default -> suite.token("fuzz-" + role, role);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
