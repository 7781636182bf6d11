package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/** The outcome of one notice on one channel (topic {@code user-notified}, from notification-service). */
public record UserNotified(
        UUID notificationId,
        UUID requestId,
        UUID accountId,
        String triggerEventId,
        Channel channel,
        Status status,
        int attempts,
        Instant notifiedAt)
        implements ClearnameEvent {

    public enum Channel {
        SMS,
        EMAIL
    }

    public enum Status {
        DELIVERED,
        FAILED
    }
}
