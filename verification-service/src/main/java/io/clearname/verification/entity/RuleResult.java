package io.clearname.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One rule's result for one case, kept to explain the decision. Holds no personal data. */
@Entity
@Table(name = "rule_result")
public class RuleResult {

    @Id
    // Ids drawn 50 at a time, so inserts go to the database in JDBC batches (an identity column allows none).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rule_result_id")
    @SequenceGenerator(name = "rule_result_id", sequenceName = "rule_result_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** The rule, named after its reason code, e.g. {@code VELOCITY}. */
    @Column(nullable = false, length = 32)
    public String rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public RuleOutcome outcome;

    /** FINAL or RETRY for a REJECT, else null. */
    @Column(length = 8)
    public String finality;

    /** What the rule saw, e.g. "3 requests of the account in the window". */
    @Column(nullable = false, length = 255)
    public String detail;

    /** The thresholds it applied, e.g. "more than 2 in PT24H". */
    @Column(nullable = false, length = 255)
    public String thresholds;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;
}
