package io.clearname.account.repository;

import io.clearname.account.entity.DataExport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DataExportRepository implements PanacheRepositoryBase<DataExport, UUID> {

    /** The account's exports since {@code since}, oldest first. */
    public List<DataExport> since(UUID accountId, Instant since) {
        return list("accountId = ?1 and exportedAt > ?2 order by exportedAt", accountId, since);
    }

    /** The account's exports, newest first. */
    public List<DataExport> of(UUID accountId) {
        return list("accountId = ?1 order by exportedAt desc", accountId);
    }

    /** When the account last exported its data; empty if never. */
    public Optional<Instant> lastOf(UUID accountId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(e.exportedAt) from DataExport e where e.accountId = ?1", Instant.class)
                .setParameter(1, accountId)
                .getSingleResult());
    }
}
