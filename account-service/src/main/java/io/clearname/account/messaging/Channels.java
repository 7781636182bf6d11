package io.clearname.account.messaging;

/** Incoming channel names; their configuration is in application.properties under "## Kafka". */
public final class Channels {
    public static final String AUDIT_COMPLETED = "audit-completed";
    public static final String USER_NOTIFIED = "user-notified";

    private Channels() {}
}
