package io.clearname.notification.service;

import io.clearname.notification.entity.Channel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The idempotency key of a notice: a name-based UUID of its trigger event id and channel, so that every attempt of
 * the notice, on any instance and after any restart, carries the same key.
 */
public final class NoticeKeys {

    private NoticeKeys() {}

    public static String idempotencyKey(String triggerEventId, Channel channel) {
        return UUID.nameUUIDFromBytes(("clearname-notification:" + triggerEventId + ":" + channel.name())
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The email's {@code Message-ID}: the same for every attempt, so that mail systems can drop a duplicate. */
    public static String messageId(String triggerEventId, String domain) {
        return "<" + idempotencyKey(triggerEventId, Channel.EMAIL) + "@" + domain + ">";
    }
}
