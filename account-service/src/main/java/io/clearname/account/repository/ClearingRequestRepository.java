package io.clearname.account.repository;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClearingRequestRepository implements PanacheRepositoryBase<ClearingRequest, UUID> {

    public Optional<ClearingRequest> findByIdempotencyKey(UUID accountId, String key) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, key).firstResultOptional();
    }

    public Optional<ClearingRequest> findActive(UUID accountId) {
        return find(
                        "accountId = ?1 and status in ?2",
                        accountId,
                        List.of(ClearingStatus.SUBMITTED, ClearingStatus.APPROVED))
                .firstResultOptional();
    }

    /** A request its account owns, with the account's language: what a status read needs, in one query. */
    public record Owned(ClearingRequest request, String locale) {}

    public Optional<Owned> findOwned(UUID accountId, UUID requestId) {
        return getEntityManager()
                .createQuery(
                        "select r, a.locale from ClearingRequest r join Account a on a.id = r.accountId"
                                + " where r.id = ?1 and r.accountId = ?2",
                        Object[].class)
                .setParameter(1, requestId)
                .setParameter(2, accountId)
                .getResultStream()
                .findFirst()
                .map(row -> new Owned((ClearingRequest) row[0], (String) row[1]));
    }

    /** Locks the row for a transition, so concurrent events on one request apply one at a time. */
    public Optional<ClearingRequest> lockById(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks approved requests whose cooling-off is over, skipping rows another instance (or a withdrawal) holds, so
     * each erasure runs once whatever the number of instances.
     */
    @SuppressWarnings("unchecked")
    public List<ClearingRequest> lockDueForErasure(java.time.Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM clearing_request
                        WHERE status = 'APPROVED' AND cooling_off_ends_at <= ?1
                        ORDER BY cooling_off_ends_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED
                        """, ClearingRequest.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public List<ClearingRequest> listOwned(UUID accountId) {
        return list("accountId = ?1 order by submittedAt desc", accountId);
    }

    public boolean hasCleared(UUID accountId) {
        return count("accountId = ?1 and status = ?2", accountId, ClearingStatus.CLEARED) > 0;
    }
}
