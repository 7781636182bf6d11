package io.clearname.account.repository;

import io.clearname.account.entity.IdDocument;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IdDocumentRepository implements PanacheRepositoryBase<IdDocument, UUID> {

    public List<IdDocument> of(UUID accountId) {
        return list("accountId = ?1 order by category", accountId);
    }

    public long deleteOf(UUID accountId) {
        return delete("accountId", accountId);
    }
}
