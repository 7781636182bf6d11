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
 * A complaint of a request's owner, a small case of its own: OPEN until staff (or, for an appeal, its decision) answer
 * it. The text and the answer are stored masked (ID numbers, phone numbers and emails blanked out) and encrypted; the
 * text never leaves the service in an event or a log line.
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ComplaintStatus status;

    /** When an answer is due: the case's due date (ESCALATION), the appeal's (APPEAL), or the answer's (COMPLAINT). */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The staff answer, masked like the text and stored encrypted. */
    @Convert(converter = SealedText.class)
    @Column(name = "answer_ct")
    public String answer;

    /** The staff member who answered (JWT {@code sub}). */
    @Column(name = "answered_by", length = 64)
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
