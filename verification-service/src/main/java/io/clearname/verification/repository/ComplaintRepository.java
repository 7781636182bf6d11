package io.clearname.verification.repository;

import io.clearname.verification.entity.Complaint;
import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.entity.ComplaintStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
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

    /** The staff queue: complaints oldest due first; a null filter does not filter. */
    public List<Complaint> queue(ComplaintStatus status, ComplaintKind kind, int limit) {
        var where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        return find(where + " order by dueAt, receivedAt, id", params)
                .page(0, limit)
                .list();
    }

    /** Locks the complaint for a change. */
    public Optional<Complaint> lock(UUID complaintId) {
        return findByIdOptional(complaintId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Deletes complaints filed at or before {@code before}; returns how many. */
    public long deleteReceivedBefore(Instant before) {
        return delete("receivedAt <= ?1", before);
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
