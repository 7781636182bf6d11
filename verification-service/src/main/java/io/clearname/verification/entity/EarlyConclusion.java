package io.clearname.verification.entity;

import io.clearname.events.ClearingConcluded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A request's conclusion that arrived before the request itself: ClearingConcluded and ClearRequested travel on
 * different topics, so a withdrawal can overtake its request. Kept until the ClearRequested opens the case, which then
 * opens closed.
 */
@Entity
@Table(name = "early_conclusion")
public class EarlyConclusion {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ClearingConcluded.Outcome outcome;

    /** When the request concluded, as the event said; may be unknown. */
    @Column(name = "concluded_at")
    public Instant concludedAt;

    /** When the conclusion arrived here. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
