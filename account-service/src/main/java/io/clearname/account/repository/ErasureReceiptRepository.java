package io.clearname.account.repository;

import io.clearname.account.entity.ErasureReceiptItem;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ErasureReceiptRepository implements PanacheRepository<ErasureReceiptItem> {

    public List<ErasureReceiptItem> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
