package io.clearname.notification.messaging;

/** Incoming channel names; their configuration is in application.properties under "## Kafka". */
public final class Channels {
    public static final String CLEAR_REQUESTED = "clear-requested";
    public static final String CLEARING_CONCLUDED = "clearing-concluded";
    public static final String COMPLAINT_RECEIVED = "complaint-received";
    public static final String AUDIT_DELAYED = "audit-delayed";
    public static final String CLEARING_APPROVED = "clearing-approved";
    public static final String REVIEW_STARTED = "review-started";
    public static final String COMPLAINT_ANSWERED = "complaint-answered";
    public static final String APPEAL_DECIDED = "appeal-decided";

    private Channels() {}
}
