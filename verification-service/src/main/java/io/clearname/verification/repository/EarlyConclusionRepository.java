package io.clearname.verification.repository;

import io.clearname.verification.entity.EarlyConclusion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class EarlyConclusionRepository implements PanacheRepositoryBase<EarlyConclusion, UUID> {

    /** Forgets conclusions that arrived before {@code before} and whose request never did; returns how many. */
    public long deleteReceivedBefore(Instant before) {
        return delete("receivedAt < ?1", before);
    }
}
