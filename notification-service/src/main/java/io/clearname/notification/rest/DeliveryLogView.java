package io.clearname.notification.rest;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.Template;
import java.time.Instant;
import java.util.UUID;

/** A notice as support sees it: its delivery state, what triggered it, and why the last attempt failed. */
public record DeliveryLogView(
        UUID notificationId,
        UUID requestId,
        UUID accountId,
        String triggerEventId,
        Channel channel,
        Template template,
        JobStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {}
