package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearname.local.FakePeople;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real requests, cases, complaints and notices for tests that need ids of things that exist. */
final class Clearings {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Clearings() {}

    /** Submits a clearing with every acknowledgement and returns the request id. */
    static UUID submit(Api api, UUID account) {
        Api.Response submitted = api.submitClearing(account, UUID.randomUUID().toString());
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(202);
        return UUID.fromString(submitted.body().path("requestId").asText());
    }

    /** A request of the person's that is CLEARED, with its notices delivered. */
    static UUID cleared(Suite suite, Person person) {
        UUID request = submit(suite.api(), person.account());
        await("request " + request + " cleared and every notice delivered")
                .atMost(FLOW_TIMEOUT)
                .until(() -> settled(suite, request, suite.api().clearingRequest(person.account(), request)));
        return request;
    }

    /**
     * Whether the request (as {@code view} shows it) is CLEARED and its notices are settled: none is still waiting or
     * being sent, its CLEARED notice was delivered on both channels, and every delivery is on its timeline. Support's
     * delivery log tells which notices exist; the approval's may have been superseded by the outcome.
     */
    static boolean settled(Suite suite, UUID request, JsonNode view) {
        if (!Timeline.clearedAndNotified(view)) {
            return false;
        }
        List<JsonNode> notices = notices(suite, request);
        long delivered = notices.stream()
                .filter(n -> n.path("status").asText().equals("DELIVERED"))
                .count();
        return notices.stream()
                        .noneMatch(n -> List.of("PENDING_CONTACT", "PENDING", "SENDING")
                                .contains(n.path("status").asText()))
                && notices.stream()
                                .filter(n -> n.path("template").asText().equals("CLEARED"))
                                .filter(n -> n.path("status").asText().equals("DELIVERED"))
                                .count()
                        == 2
                && Timeline.count(view, Timeline.USER_NOTIFIED) >= delivered;
    }

    /**
     * Binds a new real name (verified now) to the account, whose earlier one is cleared or was never bound, and returns
     * the person with it. A clearing right after it goes to a reviewer: a name verified just now is not cleared
     * automatically.
     */
    static Person rebound(Api api, Person person) {
        Person bound = new Person(
                person.account(), person.email(), person.phone(), FakePeople.legalName(), FakePeople.idNumber());
        Api.Response answer = api.bindRealName(person.account(), bound.legalName(), bound.idNumber());
        assertThat(answer.status()).as("binding: %s", answer).isEqualTo(200);
        return bound;
    }

    /** An account whose real name was verified just now, so that its clearing waits for a reviewer. */
    static Person recentlyVerified(Api api, String tag) {
        String email = FakePeople.email(tag);
        String phone = FakePeople.phone();
        String legalName = FakePeople.legalName();
        String idNumber = FakePeople.idNumber();
        UUID account = api.createVerifiedAccount(email, phone, "en", legalName, idNumber, Instant.now());
        return new Person(account, email, phone, legalName, idNumber);
    }

    /** A request of the person's whose case waits for a reviewer (IN_REVIEW), with its receipts delivered. */
    static UUID inReview(Suite suite, Person person) {
        UUID request = submit(suite.api(), person.account());
        await("case " + request + " in review").atMost(FLOW_TIMEOUT).until(() -> {
            Http.Answer found = reviewer(suite, "GET", "/api/v1/review/cases/" + request, null);
            return found.status() == 200 && read(found).path("state").asText().equals("IN_REVIEW");
        });
        awaitNotices(suite, request, 2);
        return request;
    }

    /** Files a complaint on the request with the given idempotency key and returns the complaint id. */
    static UUID complain(Suite suite, Person person, UUID request, String idempotencyKey, String body) {
        Http.Answer filed = Http.call(
                suite.url(Service.VERIFICATION),
                "POST",
                "/api/v1/me/clearing-requests/" + request + "/complaints",
                suite.token(person.account().toString(), "user"),
                body,
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(filed.status()).as("complaint: %s", filed.body()).isEqualTo(201);
        return UUID.fromString(read(filed).path("complaintId").asText());
    }

    /** Waits until at least {@code atLeast} notices of the request exist and every one of them is DELIVERED. */
    static void awaitNotices(Suite suite, UUID request, int atLeast) {
        await("at least " + atLeast + " notices of " + request + ", all delivered")
                .atMost(FLOW_TIMEOUT)
                .until(() -> {
                    List<JsonNode> notices = notices(suite, request);
                    return notices.size() >= atLeast
                            && notices.stream()
                                    .allMatch(n -> n.path("status").asText().equals("DELIVERED"));
                });
    }

    /** Support's delivery log of the request. */
    static List<JsonNode> notices(Suite suite, UUID request) {
        Http.Answer log = Http.call(
                suite.url(Service.NOTIFICATION),
                "GET",
                "/api/v1/notifications?requestId=" + request,
                suite.token("e2e-support", "support"),
                null,
                Map.of());
        assertThat(log.status()).as("delivery log: %s", log.body()).isEqualTo(200);
        List<JsonNode> notices = new ArrayList<>();
        read(log).forEach(notices::add);
        return notices;
    }

    static Http.Answer reviewer(Suite suite, String method, String path, String body) {
        return Http.call(
                suite.url(Service.VERIFICATION), method, path, suite.token("e2e-reviewer", "reviewer"), body, Map.of());
    }

    static JsonNode read(Http.Answer answer) {
        return json(answer.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("no JSON: " + text, e);
        }
    }
}
