package io.clearname.notification.service;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.repository.ContactSnapshotRepository;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes contact snapshots {@code notification.contact-retention} (30 days) after their request concluded, once no
 * notice of the request is left to send. The delivery log keeps only masked contact points, so nothing personal
 * remains. Its heartbeat ({@value #JOB}) is watched by the liveness check.
 */
@Startup
@ApplicationScoped
public class RetentionService {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "notification-contact-purge";

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final ContactSnapshotRepository contacts;
    private final NotificationConfig config;
    private final Clock clock;
    private final Heartbeat heartbeat;

    public RetentionService(
            ContactSnapshotRepository contacts, NotificationConfig config, Clock clock, Heartbeats heartbeats) {
        this.contacts = contacts;
        this.config = config;
        this.clock = clock;
        // The first run waits a minute (delayed), well inside the bound.
        this.heartbeat = heartbeats.register(JOB, Heartbeats.maxSilenceFor(config.purgeEvery()));
    }

    @Scheduled(
            identity = JOB,
            every = "${notification.purge-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        try {
            purge(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "contact snapshot purge failed, retrying next time: %s",
                    e.getClass().getSimpleName());
        } finally {
            heartbeat.beat();
        }
    }

    /**
     * Deletes what expired by {@code now}. Several instances may run it at once: a DELETE is idempotent.
     *
     * @return the number of snapshots deleted
     */
    @Transactional
    public int purge(Instant now) {
        Instant cutoff =
                now.atOffset(ZoneOffset.UTC).minus(config.contactRetention()).toInstant();
        int deleted = contacts.deleteConcludedBefore(cutoff);
        if (deleted > 0) {
            LOG.infof("%d contact snapshot(s) of requests concluded before %s deleted", deleted, cutoff);
        }
        return deleted;
    }
}
