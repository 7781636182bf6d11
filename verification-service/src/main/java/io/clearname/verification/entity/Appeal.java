package io.clearname.verification.entity;

import io.clearname.events.AppealDecided;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The second review of a rejected request, opened by the owner's appeal (a complaint of kind APPEAL). Decided once, by
 * a reviewer other than the one who made the first decision; the decision is final. Holds no personal data: the
 * message to the person is masked.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** The complaint that opened it; null once the complaint was deleted after its retention. */
    @Column(name = "complaint_id")
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AppealState state;

    /** The reviewer holding the appeal; never {@link #firstDecidedBy}. */
    @Column(length = 64)
    public String assignee;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** Who made the decision appealed against: AUTO or a reviewer id. */
    @Column(name = "first_decided_by", nullable = false, length = 64)
    public String firstDecidedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public AppealDecided.Outcome outcome;

    /** Comma-separated reason codes of the first decision: those that stand (UPHELD) or were set aside (OVERTURNED). */
    @Column(length = 512)
    public String reasons;

    /** What the person is told, masked. */
    @Column(name = "user_message", length = 2000)
    public String userMessage;

    /** For reviewers only: never in an event or the owner's view. */
    @Column(name = "internal_note", length = 2000)
    public String internalNote;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** OVERTURNED only: until when the account's next request is not rejected for the reasons set aside. */
    @Column(name = "new_request_window_ends_at")
    public Instant newRequestWindowEndsAt;

    /** The request the reasons were set aside for; the waiver serves one request. */
    @Column(name = "waived_for_request_id")
    public UUID waivedForRequestId;

    public boolean isOpen() {
        return state == AppealState.OPEN;
    }
}
