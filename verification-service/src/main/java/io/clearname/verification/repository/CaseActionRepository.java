package io.clearname.verification.repository;

import io.clearname.verification.entity.CaseAction;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseActionRepository implements PanacheRepository<CaseAction> {

    public List<CaseAction> of(UUID requestId) {
        return list("requestId = ?1 order by at, id", requestId);
    }
}
