package io.clearname.account.entity;

import io.clearname.events.Reason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "clearing_request")
public class ClearingRequest {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ClearingStatus status;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    public String idempotencyKey;

    /** SHA-256 of the submitted body: the same key with another body is refused. */
    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "expected_decision_by", nullable = false)
    public Instant expectedDecisionBy;

    /** Set on approval: the erasure runs at this time unless the person withdraws first. */
    @Column(name = "cooling_off_ends_at")
    public Instant coolingOffEndsAt;

    /** Reason codes of the audit's decision; no personal data. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons = List.of();

    /** The audit's user-facing message. */
    @Column(name = "decision_message", length = 512)
    public String decisionMessage;

    @Column(name = "concluded_at")
    public Instant concludedAt;
}
