package io.clearname.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Support's dead-letter operations on one service ({@code /api/v1/admin/dead-letters}), as a client calls them. */
final class DeadLetterDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/admin/dead-letters";

    private final Suite suite;
    private final Service service;

    DeadLetterDesk(Suite suite, Service service) {
        this.suite = suite;
        this.service = service;
    }

    /** Every dead letter in {@code state} (OPEN, REDRIVEN, DISCARDED), oldest first. */
    List<JsonNode> list(String state) {
        Http.Answer answer = call("GET", PATH + "?limit=500&state=" + state, null);
        List<JsonNode> items = new ArrayList<>();
        read(answer).path("items").forEach(items::add);
        return items;
    }

    JsonNode redrive(String id) {
        return read(call("POST", PATH + "/" + id + "/redrive", null));
    }

    JsonNode discard(String id, String reason) {
        try {
            return read(call("POST", PATH + "/" + id + "/discard", JSON.writeValueAsString(Map.of("reason", reason))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Answer call(String method, String path, String body) {
        return Http.call(suite.url(service), method, path, suite.token("e2e-support", "support"), body, Map.of());
    }

    private JsonNode read(Http.Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError(service + " dead letters: HTTP " + answer.status() + " " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
