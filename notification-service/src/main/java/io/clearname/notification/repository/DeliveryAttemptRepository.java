package io.clearname.notification.repository;

import io.clearname.notification.entity.DeliveryAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, DeliveryAttempt.Key> {

    public List<DeliveryAttempt> listByJobs(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return list("id.jobId in ?1 order by id.jobId, id.attempt", jobIds);
    }
}
