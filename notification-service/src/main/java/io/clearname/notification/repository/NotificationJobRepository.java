package io.clearname.notification.repository;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.NotificationJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationJobRepository implements PanacheRepositoryBase<NotificationJob, UUID> {

    public Optional<NotificationJob> findByTrigger(String triggerEventId, Channel channel) {
        return find("triggerEventId = ?1 and channel = ?2", triggerEventId, channel)
                .firstResultOptional();
    }

    /**
     * Locks up to {@code limit} PENDING jobs that are due and whose contact snapshot has arrived, for the current
     * transaction. Rows another transaction holds are skipped rather than waited for, so several dispatchers share the
     * work and never send the same job.
     */
    @SuppressWarnings("unchecked")
    public List<NotificationJob> claimDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT j.* FROM notification_job j
                        WHERE j.status = 'PENDING' AND j.next_attempt_at <= ?1
                          AND EXISTS (SELECT 1 FROM contact_snapshot c WHERE c.request_id = j.request_id)
                        ORDER BY j.next_attempt_at
                        LIMIT ?2
                        FOR UPDATE OF j SKIP LOCKED
                        """, NotificationJob.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public List<NotificationJob> listByAccount(UUID accountId) {
        return list("accountId = ?1 order by createdAt desc, id", accountId);
    }

    public List<NotificationJob> listByRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, id", requestId);
    }
}
