package io.clearname.events;

import java.util.List;

/** Topic names. One topic per event type, keyed by account id. */
public final class Topics {
    public static final String CLEAR_REQUESTED = "clear-requested";
    public static final String AUDIT_COMPLETED = "audit-completed";
    public static final String CLEARING_CONCLUDED = "clearing-concluded";
    public static final String USER_NOTIFIED = "user-notified";
    public static final String COMPLAINT_RECEIVED = "complaint-received";
    public static final String AUDIT_DELAYED = "audit-delayed";

    /** The event topics, in the order of a request's journey. */
    public static final List<String> EVENT_TOPICS = List.of(
            CLEAR_REQUESTED, AUDIT_COMPLETED, CLEARING_CONCLUDED, USER_NOTIFIED, COMPLAINT_RECEIVED, AUDIT_DELAYED);

    /**
     * Dead-letter topics, one per consuming service and channel: {@code <topic>.<service>.dlq}. Records that a
     * service cannot process (malformed, unknown type, failing validation) land there with the failure in headers.
     */
    public static final List<String> DEAD_LETTER_TOPICS = List.of(
            deadLetter(CLEAR_REQUESTED, "verification-service"),
            deadLetter(CLEAR_REQUESTED, "notification-service"),
            deadLetter(AUDIT_COMPLETED, "account-service"),
            deadLetter(CLEARING_CONCLUDED, "notification-service"),
            deadLetter(CLEARING_CONCLUDED, "verification-service"),
            deadLetter(USER_NOTIFIED, "account-service"),
            deadLetter(COMPLAINT_RECEIVED, "notification-service"),
            deadLetter(AUDIT_DELAYED, "notification-service"));

    private Topics() {}

    public static String deadLetter(String topic, String service) {
        return topic + "." + service + ".dlq";
    }

    /** Every topic the suite uses, dead-letter topics included. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(EVENT_TOPICS.stream(), DEAD_LETTER_TOPICS.stream())
                .toList();
    }
}
