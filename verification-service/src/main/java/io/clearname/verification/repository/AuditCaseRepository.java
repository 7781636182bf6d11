package io.clearname.verification.repository;

import io.clearname.verification.entity.AuditCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuditCaseRepository implements PanacheRepositoryBase<AuditCase, UUID> {

    public Optional<AuditCase> findOwned(UUID accountId, UUID requestId) {
        return find("requestId = ?1 and accountId = ?2", requestId, accountId).firstResultOptional();
    }
}
