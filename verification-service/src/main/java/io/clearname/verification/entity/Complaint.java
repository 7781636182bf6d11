package io.clearname.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint of a request's owner. The text is stored masked (ID numbers, phone numbers and emails blanked out) and
 * never leaves the service in an event or a log line.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ComplaintKind kind;

    /** The masked text, stored encrypted. */
    @Convert(converter = SealedText.class)
    @Column(name = "message_ct")
    public String message;

    @Column(name = "idempotency_key", length = 128)
    public String idempotencyKey;

    /** SHA-256 of the masked text: a retry with the same key must carry the same text. */
    @Column(name = "message_hash", nullable = false, length = 64)
    public String messageHash;
}
