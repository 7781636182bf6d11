package io.clearname.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to a case, and when: reviewers, the SLA scheduler, the owner. Holds no personal data. */
@Entity
@Table(name = "case_action")
public class CaseAction {

    /** The actor of what the service does by itself (rules, SLA, events). */
    public static final String SYSTEM = "SYSTEM";
    /** The actor of what the request's owner does (complaints). */
    public static final String OWNER = "OWNER";

    @Id
    // Ids drawn 50 at a time, so inserts go to the database in JDBC batches (an identity column allows none).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_action_id")
    @SequenceGenerator(name = "case_action_id", sequenceName = "case_action_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public Instant at;

    /** A reviewer id, {@link #SYSTEM} or {@link #OWNER}. */
    @Column(nullable = false, length = 64)
    public String actor;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(length = 512)
    public String detail;

    public static CaseAction of(UUID requestId, Instant at, String actor, CaseActionType type, String detail) {
        var action = new CaseAction();
        action.requestId = requestId;
        action.at = at;
        action.actor = actor;
        action.type = type.name();
        action.detail = detail == null || detail.length() <= 512 ? detail : detail.substring(0, 512);
        return action;
    }
}
