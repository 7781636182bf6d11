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
    public static final String CLEARING_APPROVED = "clearing-approved";
    public static final String REVIEW_STARTED = "review-started";
    public static final String COMPLAINT_ANSWERED = "complaint-answered";
    public static final String APPEAL_DECIDED = "appeal-decided";
    /** For the systems outside the suite that carry revocations out; no service of the suite consumes it. */
    public static final String ENTITLEMENTS_REVOKED = "entitlements-revoked";
    /** For the ID image store; no service of the suite consumes it. */
    public static final String ID_DOCUMENTS_RELEASED = "id-documents-released";

    /** The event topics, in the order of a request's journey. */
    public static final List<String> EVENT_TOPICS = List.of(
            CLEAR_REQUESTED,
            AUDIT_COMPLETED,
            CLEARING_CONCLUDED,
            USER_NOTIFIED,
            COMPLAINT_RECEIVED,
            AUDIT_DELAYED,
            CLEARING_APPROVED,
            REVIEW_STARTED,
            COMPLAINT_ANSWERED,
            APPEAL_DECIDED,
            ENTITLEMENTS_REVOKED,
            ID_DOCUMENTS_RELEASED);

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
            deadLetter(AUDIT_DELAYED, "notification-service"),
            deadLetter(CLEARING_APPROVED, "notification-service"),
            deadLetter(REVIEW_STARTED, "notification-service"),
            deadLetter(COMPLAINT_ANSWERED, "notification-service"),
            deadLetter(APPEAL_DECIDED, "notification-service"));

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
