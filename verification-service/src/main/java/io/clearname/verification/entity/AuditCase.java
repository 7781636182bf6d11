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
 * The audit of one clearing request: the facts it was judged on (the request's audit snapshot, never a name, an ID
 * number or a contact point), its place in the reviewers' queue, its SLA marks and its decision. The case id is the
 * request id.
 */
@Entity
@Table(name = "audit_case")
public class AuditCase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CaseState state;

    @Convert(converter = PriorityConverter.class)
    @Column(nullable = false)
    public Priority priority;

    // The request's snapshot.

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** BCP 47 tag of the person's language, for the reason texts of the owner's view. */
    @Column(length = 35)
    public String locale;

    @Column(name = "account_created_at")
    public Instant accountCreatedAt;

    @Column(name = "account_age_days")
    public Long accountAgeDays;

    @Column(name = "real_name_verified_at")
    public Instant realNameVerifiedAt;

    @Column(name = "last_security_change_at")
    public Instant lastSecurityChangeAt;

    /** Comma-separated restriction codes, e.g. {@code LEGAL_HOLD}. */
    @Column(length = 255)
    public String restrictions;

    /** HMAC of the ID number, computed by account-service with a pepper this service does not know. */
    @Column(name = "id_fingerprint", length = 128)
    public String idFingerprint;

    // The SLA.

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the case is at risk and escalated: {@code audit.escalate-at-percent} of the way to {@link #dueAt}. */
    @Column(name = "escalate_at", nullable = false)
    public Instant escalateAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    // The review.

    /** The reviewer holding the case (JWT {@code sub}); one at a time. */
    @Column(length = 64)
    public String assignee;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    // The decision.

    @Column(length = 16)
    public String decision;

    /** Comma-separated reason codes of the decision, from the events' catalogue. */
    @Column(length = 512)
    public String reasons;

    /** What the person is told, as sent in AuditCompleted. */
    @Column(name = "user_message", length = 1000)
    public String userMessage;

    /** For reviewers only: never in an event or in the owner's view. */
    @Column(name = "internal_note", length = 2000)
    public String internalNote;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** When the case was closed without a decision (withdrawn). */
    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean isOpen() {
        return state == CaseState.IN_REVIEW;
    }
}
