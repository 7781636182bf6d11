package io.clearname.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notice on one channel and its delivery state; the delivery log. Unique per (trigger event, channel). Holds no
 * contact point except masked.
 */
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
    public NoticeKind kind;

    /** What the notice says beyond its kind, as JSON ({@code NoticeData}). */
    @Column(length = 16000)
    public String data;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public JobStatus status;

    /** Attempts started, including one in flight. */
    @Column(nullable = false)
    public int attempts;

    /** PENDING: when the next attempt is due. SENDING: when the dispatcher's lease expires. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Why the last attempt failed: an error class or code, never an exception message (it may quote an address). */
    @Column(name = "last_error", length = 128)
    public String lastError;

    /** The language it was rendered in: {@code zh-CN} or {@code en}; known once it is first sent. */
    @Column(length = 16)
    public String locale;

    /** The masked contact point it went to. */
    @Column(length = 64)
    public String destination;

    /** SMS: the number of segments of the text. */
    public Integer segments;

    @Column(name = "provider_message_id", length = 128)
    public String providerMessageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The notice's place among its request's notices on its channel, which go out one at a time: the receipt first,
     * then by this time, when what the notice tells happened (the request, the complaint, the delay, the conclusion).
     * A final notice queued while a delay notice is on its way is placed after that one. Null only in rows older than
     * the ordering, none of them still to send.
     */
    @Column(name = "sequence_at")
    public Instant sequenceAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;
}
