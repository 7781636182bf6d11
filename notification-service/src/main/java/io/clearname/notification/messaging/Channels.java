package io.clearname.notification.messaging;

/** Incoming channel names; their configuration is in application.properties under "## Kafka". */
public final class Channels {
    public static final String CLEAR_REQUESTED = "clear-requested";
    public static final String CLEARING_CONCLUDED = "clearing-concluded";
    public static final String COMPLAINT_RECEIVED = "complaint-received";
    public static final String AUDIT_DELAYED = "audit-delayed";

    private Channels() {}
}
