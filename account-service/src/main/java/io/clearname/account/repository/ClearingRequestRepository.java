package io.clearname.account.repository;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.util.PSQLException;

@ApplicationScoped
public class ClearingRequestRepository implements PanacheRepositoryBase<ClearingRequest, UUID> {

    /** PostgreSQL's SQLState for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The unique rules of {@code clearing_request} an insert can run into (db/migration/V20261128_1__account_init.sql). */
    public enum Conflict {
        /** {@code clearing_request_idempotency}: the account already has a request with this Idempotency-Key. */
        SAME_IDEMPOTENCY_KEY("clearing_request_idempotency"),
        /** {@code clearing_request_one_active}: the account already has a SUBMITTED or APPROVED request. */
        ANOTHER_ACTIVE_REQUEST("clearing_request_one_active");

        private final String constraint;

        Conflict(String constraint) {
            this.constraint = constraint;
        }
    }

    /** An insert refused by one of the unique rules of {@link Conflict}; the transaction can only roll back. */
    public static final class ConflictException extends RuntimeException {
        private final Conflict conflict;

        ConflictException(Conflict conflict, Throwable cause) {
            super("clearing_request insert refused by " + conflict.constraint, cause, false, false);
            this.conflict = conflict;
        }

        public Conflict conflict() {
            return conflict;
        }
    }

    /**
     * Inserts a request at once, so the unique rules are checked here rather than at commit. Throws {@link
     * ConflictException} when one of them refuses it (a concurrent submission of the same account committed first) and
     * any other failure as it is.
     */
    public void insert(ClearingRequest request) {
        try {
            persistAndFlush(request);
        } catch (PersistenceException e) {
            Optional<Conflict> conflict = conflictOf(e);
            if (conflict.isEmpty()) {
                throw e;
            }
            throw new ConflictException(conflict.get(), e);
        }
    }

    /**
     * The unique rule a failure broke, read from the server's error fields (SQLState and constraint name), which do
     * not depend on the server's language as the message Hibernate parses does.
     */
    static Optional<Conflict> conflictOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())
                            && e instanceof PSQLException postgres
                            && postgres.getServerErrorMessage() != null) {
                        String constraint = postgres.getServerErrorMessage().getConstraint();
                        return Arrays.stream(Conflict.values())
                                .filter(c -> c.constraint.equals(constraint))
                                .findFirst();
                    }
                }
            }
        }
        return Optional.empty();
    }

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

    /** The language tag of the account that owns {@code requestId}; empty when there is no such request. */
    public Optional<String> localeOfOwner(UUID requestId) {
        return getEntityManager()
                .createQuery(
                        "select a.locale from ClearingRequest r join Account a on a.id = r.accountId where r.id = ?1",
                        String.class)
                .setParameter(1, requestId)
                .getResultStream()
                .findFirst();
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
