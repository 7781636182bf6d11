package io.clearname.kit.inbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets applied events once they are older than {@code clearname.inbox.retention}, so {@code inbox_event} does not
 * grow for ever. Deletes in small batches, one short transaction each, and skips rows another instance is deleting: any
 * number of instances may run it at once, and repeating it is harmless.
 */
@Startup
@ApplicationScoped
public class InboxPurge {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "inbox-purge";

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    // SKIP LOCKED: a second instance purging at the same time takes other rows instead of waiting for these.
    private static final String DELETE_BATCH = """
            DELETE FROM inbox_event WHERE (consumer, event_id) IN (
                SELECT consumer, event_id FROM inbox_event
                WHERE processed_at < ?
                ORDER BY processed_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            """;

    private final AgroalDataSource dataSource;
    private final InboxPurgeConfig config;
    private final Clock clock;
    private final Counter purged;
    private final Heartbeat heartbeat;

    public InboxPurge(
            AgroalDataSource dataSource,
            InboxPurgeConfig config,
            Clock clock,
            MeterRegistry metrics,
            Heartbeats heartbeats,
            @ConfigProperty(name = "clearname.inbox.purge.every") String every) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        // An instance with the purge off has no job to watch.
        this.heartbeat = "off".equalsIgnoreCase(every.trim())
                ? null
                : heartbeats.register(JOB, Heartbeats.maxSilenceFor(DurationConverter.parseDuration(every)));
        this.purged = Counter.builder("clearname.inbox.purged")
                .description("Inbox rows deleted after the retention")
                .register(metrics);
    }

    @Scheduled(
            identity = JOB,
            every = "${clearname.inbox.purge.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purgeExpired();
        } finally {
            if (heartbeat != null) {
                heartbeat.beat();
            }
        }
    }

    /** Deletes the ids of events applied longer than the retention ago; returns how many this instance deleted. */
    public int purgeExpired() {
        Instant before = Instant.now(clock).minus(config.retention());
        int batchSize = config.purge().batchSize();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch(before, batchSize));
            total += deleted;
            purged.increment(deleted);
        } while (deleted == batchSize);
        if (total > 0) {
            LOG.debugf("inbox: %d event ids applied before %s purged", total, before);
        }
        return total;
    }

    private int deleteBatch(Instant before, int batchSize) {
        try (var connection = dataSource.getConnection();
                var delete = connection.prepareStatement(DELETE_BATCH)) {
            delete.setTimestamp(1, Timestamp.from(before));
            delete.setInt(2, batchSize);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox purge failed", e);
        }
    }
}
