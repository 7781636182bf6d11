package io.clearname.verification.repository;

import io.clearname.verification.entity.Complaint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    public List<Complaint> of(UUID requestId) {
        return list("requestId = ?1 order by receivedAt, id", requestId);
    }

    public Optional<Complaint> findByIdempotencyKey(UUID accountId, String key) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, key).firstResultOptional();
    }

    /** Number of complaints per case, for the queue listing. */
    public Map<UUID, Long> countsOf(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery(
                        "select c.requestId, count(c) from Complaint c where c.requestId in ?1 group by c.requestId",
                        Object[].class)
                .setParameter(1, requestIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
    }
}
