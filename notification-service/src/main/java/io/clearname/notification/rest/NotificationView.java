package io.clearname.notification.rest;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.Template;
import java.time.Instant;
import java.util.UUID;

/** A notice as its recipient sees it in their delivery log. */
public record NotificationView(
        UUID notificationId,
        UUID requestId,
        Channel channel,
        Template template,
        JobStatus status,
        int attempts,
        Instant createdAt,
        Instant deliveredAt) {}
