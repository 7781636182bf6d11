package io.clearname.notification.repository;

import io.clearname.notification.entity.ContactSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ContactSnapshotRepository implements PanacheRepositoryBase<ContactSnapshot, UUID> {

    /** First key of the two-key advisory locks; the second is the request. Any constant unique in the database. */
    private static final int LOCK_SPACE = 0x0C1EA3;

    /**
     * Serializes, until the current transaction ends, every transaction that changes what this service knows of the
     * request: events of different topics are consumed in parallel, and without the lock a ClearRequested and a
     * ClearingConcluded committing at the same time would each miss the other's rows.
     */
    public void lockRequest(UUID requestId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, LOCK_SPACE)
                .setParameter(2, requestId.hashCode())
                .getSingleResult();
    }

    /** The snapshots of these requests, by request id, in one query. */
    public Map<UUID, ContactSnapshot> findByRequests(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ContactSnapshot> found = new HashMap<>();
        list("requestId in ?1", requestIds).forEach(c -> found.put(c.requestId, c));
        return found;
    }

    /**
     * Deletes the snapshots of requests that concluded before {@code concludedBefore} and have no notice left to
     * send.
     *
     * @return how many were deleted
     */
    public int deleteConcludedBefore(Instant concludedBefore) {
        return getEntityManager()
                .createNativeQuery("""
                        DELETE FROM contact_snapshot c
                        WHERE c.concluded_at < ?1
                          AND NOT EXISTS (SELECT 1 FROM notification_job j
                                          WHERE j.request_id = c.request_id
                                            AND j.status IN ('PENDING_CONTACT', 'PENDING', 'SENDING'))
                        """)
                .setParameter(1, concludedBefore)
                .executeUpdate();
    }
}
