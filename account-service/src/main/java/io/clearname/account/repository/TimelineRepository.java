package io.clearname.account.repository;

import io.clearname.account.entity.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    public List<TimelineEntry> of(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }

    /** The timelines of several requests in one query, each in order. */
    public Map<UUID, List<TimelineEntry>> of(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return list("requestId in ?1 order by at, id", requestIds).stream()
                .collect(Collectors.groupingBy(entry -> entry.requestId));
    }

    /**
     * Appends an entry to the timeline of {@code requestId} if that request exists, in one statement.
     *
     * @return false when there is no such request
     */
    public boolean appendToExisting(UUID requestId, Instant at, String type, String detail) {
        return getEntityManager()
                        .createNativeQuery("""
                                INSERT INTO timeline_entry (id, request_id, at, type, detail)
                                SELECT nextval('timeline_entry_id_seq'), ?1, ?2, ?3, ?4
                                WHERE EXISTS (SELECT 1 FROM clearing_request WHERE id = ?1)
                                """)
                        .setParameter(1, requestId)
                        .setParameter(2, at)
                        .setParameter(3, type)
                        .setParameter(4, detail)
                        .executeUpdate()
                == 1;
    }
}
