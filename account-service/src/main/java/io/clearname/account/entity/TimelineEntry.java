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

/** One step in a request's life, as the person sees it. Holds no personal data. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    // Ids drawn 50 at a time, so inserts go to the database in JDBC batches (an identity column allows none).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_id")
    @SequenceGenerator(name = "timeline_entry_id", sequenceName = "timeline_entry_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(length = 512)
    public String detail;

    public static TimelineEntry of(UUID requestId, Instant at, String type, String detail) {
        var entry = new TimelineEntry();
        entry.requestId = requestId;
        entry.at = at;
        entry.type = type;
        entry.detail = detail;
        return entry;
    }
}
