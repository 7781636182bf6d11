package io.clearname.account.repository;

import io.clearname.account.entity.Account;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** The account, or 404. */
    public Account require(UUID id) {
        return findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such account."));
    }

    /**
     * The account, its row locked ({@code FOR UPDATE}) until the transaction ends, or 404. Support's changes and the
     * erasure's re-check of blockers both take this lock, so one waits for the other. Lock before reading: an account
     * this transaction already read is not read again.
     */
    public Account lockForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such account."));
    }

    /** The account's language tag, read without loading (or locking) the account. */
    public Optional<String> localeOf(UUID id) {
        return getEntityManager()
                .createQuery("select a.locale from Account a where a.id = ?1", String.class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst();
    }
}
