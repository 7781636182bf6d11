package io.clearname.verification.repository;

import io.clearname.verification.entity.AuditCase;
import io.clearname.verification.entity.CaseState;
import io.clearname.verification.entity.Priority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuditCaseRepository implements PanacheRepositoryBase<AuditCase, UUID> {

    /** Open cases, and those past each SLA mark; what the gauges show. */
    public record QueueCounts(long open, long atRisk, long breached) {}

    /** A page of the queue and the number of cases matching the filter. */
    public record CasePage(List<AuditCase> cases, long total) {}

    /** Filters of the reviewers' listing; a null field does not filter. */
    public record Filter(
            CaseState state,
            Priority priority,
            String assignee,
            boolean unassigned,
            Boolean escalated,
            Boolean breached,
            UUID accountId) {}

    public Optional<AuditCase> findOwned(UUID accountId, UUID requestId) {
        return find("requestId = ?1 and accountId = ?2", requestId, accountId).firstResultOptional();
    }

    /** Locks the case for a change, so reviewers, the SLA scheduler, complaints and events apply one at a time. */
    public Optional<AuditCase> lock(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Serializes the opening of one request's case across consumers (e.g. during a rebalance), so that a second copy
     * of ClearRequested waits and then finds the case instead of failing on the primary key.
     */
    public void lockOpening(UUID requestId) {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, requestId.getMostSignificantBits() ^ requestId.getLeastSignificantBits())
                .getSingleResult();
    }

    /** Requests of an account with {@code from < requestedAt <= to}. */
    public long countRequestsOfAccount(UUID accountId, Instant from, Instant to) {
        return count("accountId = ?1 and requestedAt > ?2 and requestedAt <= ?3", accountId, from, to);
    }

    public CasePage list(Filter filter, Sort sort, int page, int size) {
        var where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            where.append(" and state = :state");
            params.put("state", filter.state());
        }
        if (filter.priority() != null) {
            where.append(" and priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.unassigned()) {
            where.append(" and assignee is null");
        } else if (filter.assignee() != null) {
            where.append(" and assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.escalated() != null) {
            where.append(filter.escalated() ? " and escalatedAt is not null" : " and escalatedAt is null");
        }
        if (filter.breached() != null) {
            where.append(filter.breached() ? " and breachedAt is not null" : " and breachedAt is null");
        }
        if (filter.accountId() != null) {
            where.append(" and accountId = :accountId");
            params.put("accountId", filter.accountId());
        }
        var query = find(where.toString(), sort, params);
        long total = query.count();
        return new CasePage(query.page(Page.of(page, size)).list(), total);
    }

    /**
     * Open cases past their at-risk mark and not yet escalated, locked; rows another instance holds are skipped, so
     * every escalation happens once whatever the number of instances.
     */
    @SuppressWarnings("unchecked")
    public List<AuditCase> lockDueForEscalation(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM audit_case
                        WHERE state = 'IN_REVIEW' AND escalated_at IS NULL AND escalate_at <= ?1
                        ORDER BY escalate_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED
                        """, AuditCase.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Open cases past their due date and not yet marked breached, locked like {@link #lockDueForEscalation}. */
    @SuppressWarnings("unchecked")
    public List<AuditCase> lockDueForBreach(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM audit_case
                        WHERE state = 'IN_REVIEW' AND breached_at IS NULL AND due_at <= ?1
                        ORDER BY due_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED
                        """, AuditCase.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public QueueCounts queueCounts() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        SELECT count(*),
                               count(*) FILTER (WHERE escalated_at IS NOT NULL AND breached_at IS NULL),
                               count(*) FILTER (WHERE breached_at IS NOT NULL)
                        FROM audit_case
                        WHERE state = 'IN_REVIEW'
                        """).getSingleResult();
        return new QueueCounts(
                ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
