package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.UUID;

/** One line of an erasure receipt: a data category and what the clearing did with it. */
@Entity
@Table(name = "erasure_receipt_item")
public class ErasureReceiptItem {

    public enum Outcome {
        REMOVED,
        REVOKED,
        RETAINED
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

    @Column(nullable = false, length = 256)
    public String detail;

    public static ErasureReceiptItem of(UUID requestId, String category, Outcome outcome, String detail) {
        var item = new ErasureReceiptItem();
        item.requestId = requestId;
        item.category = category;
        item.outcome = outcome;
        item.detail = detail;
        return item;
    }
}
