package io.clearname.account.repository;

import io.clearname.account.entity.DataKeyShredding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataKeyShreddingRepository implements PanacheRepositoryBase<DataKeyShredding, UUID> {

    /** Queued keys, locked; keys another instance is shredding are skipped. */
    @SuppressWarnings("unchecked")
    public List<DataKeyShredding> lockQueued(int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM data_key_shredding
                        ORDER BY queued_at
                        LIMIT ?1
                        FOR UPDATE SKIP LOCKED
                        """, DataKeyShredding.class)
                .setParameter(1, limit)
                .getResultList();
    }
}
