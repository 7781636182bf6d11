package io.clearname.verification.repository;

import io.clearname.verification.entity.RuleResult;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RuleResultRepository implements PanacheRepository<RuleResult> {

    public List<RuleResult> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
