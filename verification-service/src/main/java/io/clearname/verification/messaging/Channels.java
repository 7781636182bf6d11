package io.clearname.verification.messaging;

/** Incoming channel names; their configuration is in application.properties under "## Kafka". */
public final class Channels {
    public static final String CLEAR_REQUESTED = "clear-requested";
    public static final String CLEARING_CONCLUDED = "clearing-concluded";

    private Channels() {}
}
