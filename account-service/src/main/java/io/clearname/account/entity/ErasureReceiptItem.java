package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an erasure receipt: a data category, what the clearing did with it, where that data is and, for what is
 * kept, for how long. Holds no personal data.
 */
@Entity
@Table(name = "erasure_receipt_item")
public class ErasureReceiptItem {

    public enum Outcome {
        REMOVED,
        REVOKED,
        RETAINED,
        /** To be done after the erasure, by a job or another system; becomes REMOVED with {@code doneAt} when done. */
        SCHEDULED
    }

    @Id
    // Ids drawn 50 at a time, so inserts go to the database in JDBC batches (an identity column allows none).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_receipt_item_id")
    @SequenceGenerator(
            name = "erasure_receipt_item_id",
            sequenceName = "erasure_receipt_item_id_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false, length = 32)
    public String category;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    /** In the account's language when the line was written (or last changed). */
    @Column(nullable = false, length = 512)
    public String detail;

    /** Where the data is: account-service, verification-service, notification-service, event-log, image-store. */
    @Column(nullable = false, length = 32)
    public String service;

    /** RETAINED with a limit: the ISO-8601 period it is kept for, e.g. {@code P365D}. */
    @Column(name = "retained_for", length = 32)
    public String retainedFor;

    /** RETAINED with a limit, when that limit is known here: the time by which it is deleted. */
    @Column(name = "retained_until")
    public Instant until;

    /** A SCHEDULED step that was carried out: when. */
    @Column(name = "done_at")
    public Instant doneAt;

    public static ErasureReceiptItem of(
            UUID requestId, String category, Outcome outcome, String service, String detail) {
        var item = new ErasureReceiptItem();
        item.requestId = requestId;
        item.category = category;
        item.outcome = outcome;
        item.service = service;
        item.detail = detail;
        return item;
    }
}
