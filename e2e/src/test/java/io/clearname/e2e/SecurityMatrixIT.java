package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.e2e.Endpoints.Endpoint;
import io.clearname.local.DevKeys;
import io.clearname.local.FakePeople;
import io.clearname.local.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the three services ({@link Endpoints}; a test holds the list to each service's OpenAPI document),
 * called by the right caller with real ids, and by every caller that must be turned away: no token, a token signed by
 * another key, an expired one, one from another issuer, one without any role, each role the operation does not take
 * (for the victim's own account id), another user, and a sign-in too old for the action. Each refusal is its status as
 * a problem detail, and no database changes.
 */
@WithSuite
class SecurityMatrixIT {

    private static final String PROBLEMS = "https://clearname.io/problems/";
    private static final Duration AT_REST = Duration.ofSeconds(60);

    private static Suite suite;
    private static Person victim;
    private static Person stranger;
    private static Path foreignKey;
    private static List<Endpoint> endpoints;

    /** Who calls, and how their token is wrong (or right). */
    enum Caller {
        NO_TOKEN,
        BAD_SIGNATURE,
        EXPIRED,
        WRONG_ISSUER,
        NO_ROLE,
        AS_USER,
        AS_REVIEWER,
        AS_REVIEWER_LEAD,
        AS_SUPPORT,
        ANOTHER_USER,
        STALE_SIGN_IN
    }

    /**
     * The victim has a CLEARED request and, with a real name bound again, one IN_REVIEW with a complaint; every service
     * has dead letters, one of them discarded. Then everything is left to come to rest.
     */
    @BeforeAll
    static void createRealThingsToAimAt(Suite started) throws IOException {
        suite = started;
        Api api = suite.api();
        Person first = Person.verified(api, "victim");
        UUID cleared = Clearings.cleared(suite, first);
        victim = Clearings.rebound(api, first);
        UUID inReview = Clearings.inReview(suite, victim);
        String complaintKey = UUID.randomUUID().toString();
        String complaintBody = "{\"message\": \"Please decide soon.\"}";
        UUID complaint = Clearings.complain(suite, victim, inReview, complaintKey, complaintBody);
        Clearings.awaitNotices(suite, inReview, 3);
        stranger = Person.verified(api, "stranger");

        Map<Service, String> open = new EnumMap<>(Service.class);
        Map<Service, String> discarded = new EnumMap<>(Service.class);
        DeadLetterFixture.open(suite).forEach((service, ids) -> {
            assertThat(ids).as("%s dead letters", service).hasSizeGreaterThanOrEqualTo(2);
            new DeadLetterDesk(suite, service).discard(ids.get(0), "poison record of the security matrix");
            discarded.put(service, ids.get(0));
            open.put(service, ids.get(1));
        });
        UUID[] openAppeal = appeal(suite, "appellant-open");
        UUID[] decidedAppeal = appeal(suite, "appellant-decided");
        Http.Answer decided = Staff.verification(
                suite,
                "e2e-second-reviewer",
                "reviewer",
                "POST",
                "/api/v1/review/appeals/" + decidedAppeal[0] + "/decision",
                "{\"outcome\": \"UPHELD\"}");
        assertThat(decided.status()).as("appeal decision: %s", decided.body()).isEqualTo(200);
        foreignKey = DevKeys.ensure(Files.createTempDirectory("foreign-keys")).privateKey();
        endpoints = Endpoints.all(
                new Endpoints.Ids(
                        victim.account(),
                        cleared,
                        inReview,
                        complaint,
                        complaintKey,
                        complaintBody,
                        open,
                        discarded,
                        openAppeal[0],
                        openAppeal[1],
                        decidedAppeal[0]),
                FakePeople.legalName(),
                FakePeople.idNumber(),
                FakePeople.phone());
        DatabaseSnapshot.atRest(suite.databases(), AT_REST);
    }

    /**
     * A request that {@code e2e-reviewer} rejected and its owner appealed: the appeal's id and its complaint's id. The
     * appeal is OPEN and nobody holds it.
     */
    private static UUID[] appeal(Suite suite, String tag) {
        Person appellant = Clearings.recentlyVerified(suite.api(), tag);
        UUID request = Clearings.inReview(suite, appellant);
        Staff.decide(suite, "e2e-reviewer", request, "REJECTED", "SUSPECTED_MISUSE");
        await("request " + request + " rejected")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Timeline.status(suite.api().clearingRequest(appellant.account(), request))
                        .equals("REJECTED"));
        UUID complaint = Clearings.complain(
                suite, appellant, request, UUID.randomUUID().toString(), "{\"message\": \"Please look again.\"}");
        JsonNode appeal = Staff.items(Staff.verification(
                        suite, "e2e-support", "support", "GET", "/api/v1/review/appeals?state=OPEN&limit=200", null))
                .stream()
                .filter(a -> a.path("requestId").asText().equals(request.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open appeal on " + request));
        return new UUID[] {UUID.fromString(appeal.path("appealId").asText()), complaint};
    }

    @Test
    void theMatrixHasARowForEveryOperationEachServiceDocumentsAndNoOther() {
        for (Service service : Service.values()) {
            Set<String> rows = new TreeSet<>();
            endpoints.stream()
                    .filter(e -> e.service() == service)
                    .forEach(e -> rows.add(e.method() + " " + e.template()));

            // A new operation without a row fails here, and so does a row for an operation that is gone.
            assertThat(OpenApiOperations.of(suite, service))
                    .as("operations in %s's OpenAPI document against the rows of Endpoints", service)
                    .isEqualTo(rows);
        }
    }

    @Test
    void theRightCallerWithRealIdsGetsPastAuthenticationRoleAndOwnershipEverywhere() {
        var wrong = new ArrayList<String>();

        for (Endpoint endpoint : endpoints) {
            Endpoints.Call control = endpoint.control();
            String role = endpoint.mainRole();
            String subject = role.equals("user") ? victim.account().toString() : "e2e-" + role;
            Http.Answer answer = call(endpoint, control, suite.token(subject, role));
            String problem = control.problemType() == null ? null : PROBLEMS + control.problemType();
            if (answer.status() != control.status()
                    || (problem != null && !isProblem(answer, problem))
                    || (problem == null && !answer.contentType().startsWith("application/json"))
                    || (control.shows() != null && !answer.body().contains(control.shows()))) {
                wrong.add(endpoint + " " + control.path() + ": expected " + control.status()
                        + (problem == null ? "" : " " + problem)
                        + (control.shows() == null ? "" : " showing " + control.shows()) + ", got " + answer.status()
                        + " " + answer.contentType() + " " + answer.body());
            }
        }

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(46);
        assertThat(wrong).as("answers to the right caller").isEmpty();
    }

    @Test
    void everyOperationTurnsAwayEveryCallerItMustAndNothingChanges() {
        var before = DatabaseSnapshot.atRest(suite.databases(), AT_REST);
        var wrong = new ArrayList<String>();
        int calls = 0;

        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                Integer expected = expectedStatus(endpoint, caller);
                if (expected == null) {
                    continue;
                }
                calls++;
                Http.Answer answer = call(endpoint, endpoint.refused(), token(endpoint, caller));
                String problem = PROBLEMS + expectedType(expected, caller);
                if (answer.status() != expected || !isProblem(answer, problem)) {
                    wrong.add(endpoint + " as " + caller + ": expected " + expected + " " + problem + ", got "
                            + answer.status() + " " + answer.contentType() + " " + answer.body());
                }
                if (caller == Caller.STALE_SIGN_IN
                        && !answer.wwwAuthenticate().contains("insufficient_user_authentication")) {
                    wrong.add(endpoint + " as " + caller + ": no step-up challenge: " + answer.wwwAuthenticate());
                }
            }
        }

        assertThat(calls).isGreaterThan(250);
        assertThat(wrong).as("answers that were not the expected refusal").isEmpty();
        assertThat(DatabaseSnapshot.of(suite.databases()))
                .as("every table of every database after %d refused calls", calls)
                .isEqualTo(before);
    }

    /**
     * The status a caller gets, or null when the combination says nothing: another user on their own {@code /me}, the
     * operation's own role, a stale sign-in where none is needed.
     */
    private static Integer expectedStatus(Endpoint endpoint, Caller caller) {
        return switch (caller) {
            case NO_TOKEN, BAD_SIGNATURE, EXPIRED, WRONG_ISSUER -> 401;
            case NO_ROLE -> 403;
            case AS_USER -> endpoint.takes("user") ? null : 403;
            case AS_REVIEWER -> endpoint.takes("reviewer") ? null : 403;
            case AS_REVIEWER_LEAD -> endpoint.takes("reviewer-lead") ? null : 403;
            case AS_SUPPORT -> endpoint.takes("support") ? null : 403;
            // Someone else's data is not found, never forbidden: a 403 would confirm that it exists.
            case ANOTHER_USER ->
                switch (endpoint.owner()) {
                    case VICTIM -> 404;
                    case STAFF -> 403;
                    case CALLER -> null;
                };
            case STALE_SIGN_IN -> endpoint.recentSignIn() ? 401 : null;
        };
    }

    private static String expectedType(int status, Caller caller) {
        return switch (status) {
            case 401 -> caller == Caller.STALE_SIGN_IN ? "insufficient-user-authentication" : "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            default -> throw new IllegalArgumentException("no refusal: " + status);
        };
    }

    private static boolean isProblem(Http.Answer answer, String type) {
        return answer.contentType().startsWith("application/problem+json")
                && Clearings.read(answer).path("type").asText().equals(type);
    }

    private static Http.Answer call(Endpoint endpoint, Endpoints.Call call, String token) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        headers.putAll(call.headers());
        return Http.call(suite.url(endpoint.service()), endpoint.method(), call.path(), token, call.body(), headers);
    }

    /**
     * The caller's token. Role swaps carry the victim's own account id, so that only the role is wrong; staff's right
     * tokens carry a staff id.
     */
    private static String token(Endpoint endpoint, Caller caller) {
        String rightSubject =
                endpoint.mainRole().equals("user") ? victim.account().toString() : "staff-member";
        String victimId = victim.account().toString();
        Set<String> rightRoles = Set.of(endpoint.mainRole());
        Instant now = Instant.now();
        Duration hour = Duration.ofHours(1);
        Path key = suite.signingKey();
        return switch (caller) {
            case NO_TOKEN -> null;
            case BAD_SIGNATURE -> Tokens.sign(foreignKey, Tokens.DEV_ISSUER, rightSubject, rightRoles, now, hour);
            case EXPIRED ->
                Tokens.sign(
                        key,
                        Tokens.DEV_ISSUER,
                        rightSubject,
                        rightRoles,
                        now.minus(Duration.ofHours(2)),
                        Duration.ofMinutes(-30));
            case WRONG_ISSUER -> Tokens.sign(key, "https://issuer.example.com", rightSubject, rightRoles, now, hour);
            case NO_ROLE -> Tokens.sign(key, Tokens.DEV_ISSUER, victimId, Set.of(), now, hour);
            case AS_USER -> Tokens.sign(key, Tokens.DEV_ISSUER, victimId, Set.of("user"), now, hour);
            case AS_REVIEWER -> Tokens.sign(key, Tokens.DEV_ISSUER, victimId, Set.of("reviewer"), now, hour);
            case AS_REVIEWER_LEAD -> Tokens.sign(key, Tokens.DEV_ISSUER, victimId, Set.of("reviewer-lead"), now, hour);
            case AS_SUPPORT -> Tokens.sign(key, Tokens.DEV_ISSUER, victimId, Set.of("support"), now, hour);
            case ANOTHER_USER ->
                Tokens.sign(key, Tokens.DEV_ISSUER, stranger.account().toString(), Set.of("user"), now, hour);
            case STALE_SIGN_IN ->
                Tokens.sign(key, Tokens.DEV_ISSUER, rightSubject, rightRoles, now.minus(Duration.ofMinutes(30)), hour);
        };
    }
}
