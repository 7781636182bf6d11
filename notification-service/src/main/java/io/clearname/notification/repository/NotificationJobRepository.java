package io.clearname.notification.repository;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.NoticeKind;
import io.clearname.notification.entity.NotificationJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class NotificationJobRepository implements PanacheRepositoryBase<NotificationJob, UUID> {

    private static final List<String> MOOT_ONCE_CONCLUDED = Arrays.stream(NoticeKind.values())
            .filter(NoticeKind::mootOnceConcluded)
            .map(NoticeKind::name)
            .toList();

    /**
     * Locks up to {@code limit} of the channel's jobs that are most overdue: PENDING and due, or SENDING with an
     * expired lease (its dispatcher died or hung). Rows another transaction holds are skipped rather than waited for,
     * so several dispatchers share the work and never claim the same job.
     *
     * <p>A job whose request has an earlier notice on the channel still to send waits for it, so a request's notices
     * reach the person one at a time and in order: the receipt first, then by {@code sequence_at} (then creation).
     * The order is total, so no two jobs ever wait for each other.
     */
    @SuppressWarnings("unchecked")
    public List<NotificationJob> claimDue(Channel channel, Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT j.* FROM notification_job j
                        WHERE j.channel = ?1 AND j.status IN ('PENDING', 'SENDING') AND j.next_attempt_at <= ?2
                          AND NOT EXISTS (
                              SELECT 1 FROM notification_job e
                              WHERE e.request_id = j.request_id AND e.channel = j.channel
                                AND e.status IN ('PENDING_CONTACT', 'PENDING', 'SENDING')
                                AND (e.kind <> 'RECEIPT', e.sequence_at, e.created_at, e.id)
                                    < (j.kind <> 'RECEIPT', j.sequence_at, j.created_at, j.id))
                        ORDER BY j.next_attempt_at
                        LIMIT ?3
                        FOR UPDATE OF j SKIP LOCKED
                        """, NotificationJob.class)
                .setParameter(1, channel.name())
                .setParameter(2, now)
                .setParameter(3, limit)
                .getResultList();
    }

    /** Locks the jobs with these ids, in id order (so that two transactions never wait on each other in a circle). */
    public Map<UUID, NotificationJob> lockByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, NotificationJob> locked = new HashMap<>();
        find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .forEach(job -> locked.put(job.id, job));
        return locked;
    }

    /**
     * Releases every job waiting for a contact snapshot that exists. A safety net: the request lock of the consumers
     * keeps a job and its snapshot from being written in overlapping transactions that miss each other.
     */
    public int releaseWaitingWithContact(Instant now) {
        return getEntityManager().createNativeQuery("""
                        UPDATE notification_job j SET status = 'PENDING', next_attempt_at = ?1
                        WHERE j.status = 'PENDING_CONTACT'
                          AND EXISTS (SELECT 1 FROM contact_snapshot c WHERE c.request_id = j.request_id)
                        """).setParameter(1, now).executeUpdate();
    }

    /** Jobs that have waited for their contact snapshot since before {@code createdBefore}, locked. */
    @SuppressWarnings("unchecked")
    public List<NotificationJob> claimWaitingSince(Instant createdBefore, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT j.* FROM notification_job j
                        WHERE j.status = 'PENDING_CONTACT' AND j.created_at < ?1
                        ORDER BY j.created_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED
                        """, NotificationJob.class)
                .setParameter(1, createdBefore)
                .setParameter(2, limit)
                .getResultList();
    }

    /**
     * Marks the request's notices that its outcome makes moot ({@link NoticeKind#mootOnceConcluded}: delay, review
     * and approval notices) and that are not on their way yet (waiting for the contact snapshot, due, or waiting to be
     * retried) SUPERSEDED. One a dispatcher holds is left alone: the conditional update waits for the dispatcher's
     * row lock and then finds it SENDING.
     *
     * @return how many were superseded
     */
    public int supersedeUnsentMoot(UUID requestId) {
        return getEntityManager()
                .createNativeQuery("""
                        UPDATE notification_job SET status = 'SUPERSEDED'
                        WHERE request_id = ?1 AND kind IN (?2) AND status IN ('PENDING_CONTACT', 'PENDING')
                        """)
                .setParameter(1, requestId)
                .setParameter(2, MOOT_ONCE_CONCLUDED)
                .executeUpdate();
    }

    public List<NotificationJob> listByRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, channel, id", requestId);
    }

    public List<NotificationJob> listByAccount(UUID accountId) {
        return list("accountId = ?1 order by createdAt desc, channel, id", accountId);
    }
}
