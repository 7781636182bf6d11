package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a request's life, as the person sees it. Holds no personal data. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
