package io.clearname.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One notice on one channel and its delivery state; the delivery log. Holds no personal data. */
@Entity
@Table(name = "notification_job")
public class NotificationJob {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** The {@code ce_id} of the event this notice answers; unique per channel. */
    @Column(name = "trigger_event_id", nullable = false, length = 128)
    public String triggerEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Template template;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public JobStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Why the last attempt failed: an error class or code, never an exception message (it may quote an address). */
    @Column(name = "last_error", length = 128)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
