package io.clearname.account.repository;

import io.clearname.account.entity.Account;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** The account, or 404. */
    public Account require(UUID id) {
        return findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such account."));
    }
}
