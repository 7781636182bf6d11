package io.clearname.verification.repository;

import io.clearname.events.AppealDecided;
import io.clearname.verification.entity.Appeal;
import io.clearname.verification.entity.AppealState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** Appeals oldest due first; a null state lists all. */
    public List<Appeal> queue(AppealState state, int limit) {
        return (state == null ? find("order by dueAt, id") : find("state = ?1 order by dueAt, id", state))
                .page(0, limit)
                .list();
    }

    public Optional<Appeal> ofRequest(UUID requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public Optional<Appeal> ofComplaint(UUID complaintId) {
        return find("complaintId", complaintId).firstResultOptional();
    }

    /**
     * The overturned appeal of the account whose window covers {@code requestedAt} and whose waiver is unused, locked:
     * it sets its reasons aside for one request only. The latest decided wins.
     */
    public Optional<Appeal> lockWaiverFor(UUID accountId, Instant requestedAt) {
        return find(
                        "accountId = ?1 and outcome = ?2 and waivedForRequestId is null and decidedAt <= ?3"
                                + " and newRequestWindowEndsAt > ?3 order by decidedAt desc",
                        accountId,
                        AppealDecided.Outcome.OVERTURNED,
                        requestedAt)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
