package io.clearname.verification.repository;

import io.clearname.verification.entity.ClearedIdentity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ClearedIdentityRepository implements PanacheRepositoryBase<ClearedIdentity, UUID> {

    /** Clearings of the identity with {@code from < clearedAt <= to}. */
    public long countClearings(String idFingerprint, Instant from, Instant to) {
        return count("idFingerprint = ?1 and clearedAt > ?2 and clearedAt <= ?3", idFingerprint, from, to);
    }
}
