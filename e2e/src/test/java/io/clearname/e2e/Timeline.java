package io.clearname.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reading a clearing request as {@code GET /me/clearing-requests/{id}} returns it. */
final class Timeline {
    static final String CLEARED = "CLEARED";
    static final String APPROVED = "APPROVED";
    static final String USER_NOTIFIED = "USER_NOTIFIED";

    /**
     * The fewest notices of a cleared request: its receipt and the CLEARED notice, each by SMS and by email. With a
     * cooling-off there may be the approval's as well, unless the outcome superseded it ({@link
     * Clearings#settled}).
     */
    static final int NOTICES_OF_A_CLEARED_REQUEST = 4;

    private Timeline() {}

    static String status(JsonNode request) {
        return request.path("status").asText();
    }

    /** The timeline's entries ({@code at, type, detail}), oldest first. */
    static List<JsonNode> entries(JsonNode request) {
        return StreamSupport.stream(request.path("timeline").spliterator(), false)
                .toList();
    }

    static long count(JsonNode request, String type) {
        return entries(request).stream()
                .filter(e -> type.equals(e.path("type").asText()))
                .count();
    }

    /**
     * Whether the request is CLEARED and at least its receipt and outcome notices on both channels could be on its
     * timeline: the cheap first half of {@link Clearings#settled}. A request that ended otherwise (REJECTED,
     * WITHDRAWN) never will be: that fails at once instead of waiting out the timeout.
     */
    static boolean clearedAndNotified(JsonNode request) {
        String status = status(request);
        if (status.equals("REJECTED") || status.equals("WITHDRAWN")) {
            throw new IllegalStateException("request ended " + status + ": " + request);
        }
        return status.equals(CLEARED) && count(request, USER_NOTIFIED) >= NOTICES_OF_A_CLEARED_REQUEST;
    }

    /** The channels of the USER_NOTIFIED entries ("EMAIL DELIVERED after 1 attempt(s)" is EMAIL). */
    static List<String> notifiedChannels(JsonNode request) {
        return entries(request).stream()
                .filter(e -> USER_NOTIFIED.equals(e.path("type").asText()))
                .map(e -> e.path("detail").asText().split(" ", 2)[0])
                .toList();
    }
}
