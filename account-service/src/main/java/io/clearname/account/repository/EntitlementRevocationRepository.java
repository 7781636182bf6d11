package io.clearname.account.repository;

import io.clearname.account.entity.EntitlementRevocation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class EntitlementRevocationRepository implements PanacheRepositoryBase<EntitlementRevocation, UUID> {

    public List<EntitlementRevocation> of(UUID requestId) {
        return list("requestId = ?1 order by entitlement desc", requestId);
    }

    /** The revocations of several requests in one query. */
    public Map<UUID, List<EntitlementRevocation>> of(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return list("requestId in ?1 order by entitlement desc", requestIds).stream()
                .collect(Collectors.groupingBy(r -> r.requestId));
    }
}
