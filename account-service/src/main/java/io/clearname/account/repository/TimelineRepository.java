package io.clearname.account.repository;

import io.clearname.account.entity.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
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
}
