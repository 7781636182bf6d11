package io.clearname.verification.service;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.clearname.verification.config.AuditConfig;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.repository.EarlyConclusionRepository;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets past clearings once REPEATED_CLEARING can no longer count them: fingerprints older than the rule's window
 * (365 days by default) plus a day; and conclusions that waited {@code audit.early-conclusion-retention} for a request
 * that never came. Any instance may run it; deleting twice is harmless. Its heartbeat ({@value #JOB}) is watched by the
 * liveness check.
 */
@Startup
@ApplicationScoped
public class HistoryRetention {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "cleared-identity-retention";

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    private final ClearedIdentityRepository history;
    private final EarlyConclusionRepository earlyConclusions;
    private final AuditConfig config;
    private final Clock clock;
    private final Heartbeat heartbeat;

    public HistoryRetention(
            ClearedIdentityRepository history,
            EarlyConclusionRepository earlyConclusions,
            AuditConfig config,
            Clock clock,
            Heartbeats heartbeats) {
        this.history = history;
        this.earlyConclusions = earlyConclusions;
        this.config = config;
        this.clock = clock;
        this.heartbeat = heartbeats.register(JOB, Heartbeats.maxSilenceFor(Duration.ofHours(1)));
    }

    @Scheduled(identity = JOB, every = "1h")
    void scheduled() {
        try {
            purge();
            purgeEarlyConclusions();
        } finally {
            heartbeat.beat();
        }
    }

    /** Deletes the fingerprints the rule can no longer count; returns how many. */
    @Transactional
    public long purge() {
        Instant before =
                Instant.now(clock).minus(config.repeatedClearing().window()).minus(Duration.ofDays(1));
        long purged = history.delete("clearedAt <= ?1", before);
        if (purged > 0) {
            LOG.infof("forgot %d past clearing(s) older than the repeated-clearing window", purged);
        }
        return purged;
    }

    /** Deletes the conclusions whose request did not arrive within the retention; returns how many. */
    @Transactional
    public long purgeEarlyConclusions() {
        Instant before = Instant.now(clock).minus(config.earlyConclusionRetention());
        long purged = earlyConclusions.deleteReceivedBefore(before);
        if (purged > 0) {
            LOG.warnf("forgot %d conclusion(s) whose request never arrived (kept since before %s)", purged, before);
        }
        return purged;
    }
}
