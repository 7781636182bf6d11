package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every answer reviewers and support read, fetched as they would: the queue and cases, delivery logs, dead letters. */
final class StaffViews {

    /** One answer: what was asked and the body. */
    record View(String what, String body) {}

    private StaffViews() {}

    /** Every page of the review queue (every state) and every case page. */
    static List<View> reviewer(Suite suite) {
        List<View> views = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int page = 0; ; page++) {
            String path = "/api/v1/review/cases?state=ALL&size=100&page=" + page;
            JsonNode listing = Clearings.read(add(views, suite, Service.VERIFICATION, path, "reviewer"));
            listing.path("items")
                    .forEach(item -> cases.add(item.path("requestId").asText()));
            if (listing.path("items").size() < 100) {
                break;
            }
        }
        for (String request : cases) {
            add(views, suite, Service.VERIFICATION, "/api/v1/review/cases/" + request, "reviewer");
        }
        for (JsonNode complaint : Staff.items(
                add(views, suite, Service.VERIFICATION, "/api/v1/review/complaints?limit=200", "reviewer"))) {
            add(
                    views,
                    suite,
                    Service.VERIFICATION,
                    "/api/v1/review/complaints/" + complaint.path("complaintId").asText(),
                    "reviewer");
        }
        for (String state : List.of("OPEN", "DECIDED")) {
            for (JsonNode appeal : Staff.items(add(
                    views,
                    suite,
                    Service.VERIFICATION,
                    "/api/v1/review/appeals?limit=200&state=" + state,
                    "reviewer"))) {
                add(
                        views,
                        suite,
                        Service.VERIFICATION,
                        "/api/v1/review/appeals/" + appeal.path("appealId").asText(),
                        "reviewer");
            }
        }
        return views;
    }

    /** The delivery log of each request, each account's page, and every dead letter of every service. */
    static List<View> support(Suite suite, Collection<UUID> requests, Collection<UUID> accounts) {
        List<View> views = new ArrayList<>();
        for (UUID request : requests) {
            add(views, suite, Service.NOTIFICATION, "/api/v1/notifications?requestId=" + request, "support");
        }
        for (UUID account : accounts) {
            add(views, suite, Service.ACCOUNT, "/api/v1/admin/accounts/" + account, "support");
        }
        for (Service service : Service.values()) {
            for (String state : List.of("OPEN", "REDRIVEN", "DISCARDED")) {
                JsonNode listing = Clearings.read(
                        add(views, suite, service, Endpoints.DEAD_LETTERS + "?limit=500&state=" + state, "support"));
                listing.path("items")
                        .forEach(letter -> add(
                                views,
                                suite,
                                service,
                                Endpoints.DEAD_LETTERS + "/" + letter.path("id").asText(),
                                "support"));
            }
        }
        return views;
    }

    private static Http.Answer add(List<View> views, Suite suite, Service service, String path, String role) {
        Http.Answer answer =
                Http.call(suite.url(service), "GET", path, suite.token("e2e-" + role, role), null, Map.of());
        assertThat(answer.status())
                .as("%s %s: %s", service, path, answer.body())
                .isEqualTo(200);
        views.add(new View(service + path, answer.body()));
        return answer;
    }
}
