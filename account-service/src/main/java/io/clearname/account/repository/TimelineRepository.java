package io.clearname.account.repository;

import io.clearname.account.entity.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    public List<TimelineEntry> of(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
