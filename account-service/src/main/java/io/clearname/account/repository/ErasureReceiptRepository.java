package io.clearname.account.repository;

import io.clearname.account.entity.ErasureReceiptItem;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ErasureReceiptRepository implements PanacheRepository<ErasureReceiptItem> {

    public List<ErasureReceiptItem> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    /** The receipts of several requests in one query, each in order. */
    public Map<UUID, List<ErasureReceiptItem>> of(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return list("requestId in ?1 order by id", requestIds).stream()
                .collect(Collectors.groupingBy(item -> item.requestId));
    }
}
