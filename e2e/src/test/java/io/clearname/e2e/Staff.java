package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reviewers, reviewer leads and support at work through verification-service's API, and the person's side of it. */
final class Staff {

    private Staff() {}

    /** A staff member's call to verification-service: {@code who} is the token's subject, {@code role} its role. */
    static Http.Answer verification(Suite suite, String who, String role, String method, String path, String body) {
        return Http.call(suite.url(Service.VERIFICATION), method, path, suite.token(who, role), body, Map.of());
    }

    /** A person's call to one of the services, signed in just now. */
    static Http.Answer person(Suite suite, Person person, Service service, String method, String path, String body) {
        return Http.call(
                suite.url(service),
                method,
                path,
                suite.token(person.account().toString(), "user"),
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** The reviewer claims the case and decides it. */
    static void decide(Suite suite, String reviewer, UUID request, String decision, String reasonCode) {
        String cases = "/api/v1/review/cases/" + request;
        Http.Answer claimed = verification(suite, reviewer, "reviewer", "POST", cases + "/assignment", null);
        assertThat(claimed.status()).as("claim: %s", claimed.body()).isEqualTo(200);
        String reasons = reasonCode == null ? "[]" : "[\"" + reasonCode + "\"]";
        Http.Answer decided = verification(
                suite,
                reviewer,
                "reviewer",
                "POST",
                cases + "/decision",
                "{\"decision\": \"" + decision + "\", \"reasonCodes\": " + reasons + "}");
        assertThat(decided.status()).as("decision: %s", decided.body()).isEqualTo(200);
    }

    /** The items of a listing, whether it answers a JSON array or an object with {@code items}. */
    static List<JsonNode> items(Http.Answer answer) {
        assertThat(answer.status()).as("listing: %s", answer.body()).isEqualTo(200);
        JsonNode body = Clearings.read(answer);
        List<JsonNode> items = new ArrayList<>();
        (body.isArray() ? body : body.path("items")).forEach(items::add);
        return items;
    }

    /** The kinds of the request's notices in support's delivery log, once for both channels. */
    static List<String> noticeKinds(Suite suite, UUID request) {
        return Clearings.notices(suite, request).stream()
                .filter(n -> n.path("channel").asText().equals("EMAIL"))
                .map(n -> n.path("template").asText())
                .toList();
    }

    /** Waits until the request's delivery log has a DELIVERED notice of {@code kind} on both channels. */
    static void awaitNotice(Suite suite, UUID request, String kind) {
        await("a " + kind + " notice of " + request + " delivered by SMS and email")
                .atMost(Clearings.FLOW_TIMEOUT)
                .until(() -> Clearings.notices(suite, request).stream()
                                .filter(n -> n.path("template").asText().equals(kind))
                                .filter(n -> n.path("status").asText().equals("DELIVERED"))
                                .count()
                        == 2);
    }
}
