package io.clearname.verification.service;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.clearname.verification.config.ComplaintHandlingConfig;
import io.clearname.verification.repository.ComplaintRepository;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes complaints, text and answer, {@code complaints.retention} (365 days) after they were filed: what a person
 * wrote is kept no longer than customer service needs it. The case keeps its actions, which hold no text, and an
 * appeal keeps its decision (its complaint id becomes null). Any instance may run it; deleting twice is harmless. Its
 * heartbeat ({@value #JOB}) is watched by the liveness check.
 */
@Startup
@ApplicationScoped
public class ComplaintRetention {

    /** The scheduler identity of the job, also its name in the liveness answer. */
    public static final String JOB = "complaint-retention";

    private static final Logger LOG = Logger.getLogger(ComplaintRetention.class);

    private final ComplaintRepository complaints;
    private final ComplaintHandlingConfig config;
    private final Clock clock;
    private final Heartbeat heartbeat;

    public ComplaintRetention(
            ComplaintRepository complaints, ComplaintHandlingConfig config, Clock clock, Heartbeats heartbeats) {
        this.complaints = complaints;
        this.config = config;
        this.clock = clock;
        this.heartbeat = heartbeats.register(JOB, Heartbeats.maxSilenceFor(Duration.ofHours(1)));
    }

    @Scheduled(identity = JOB, every = "1h")
    void scheduled() {
        try {
            purge();
        } finally {
            heartbeat.beat();
        }
    }

    /** Deletes the complaints filed more than the retention ago; returns how many. */
    @Transactional
    public long purge() {
        Instant before = Instant.now(clock).minus(config.retention());
        long purged = complaints.deleteReceivedBefore(before);
        if (purged > 0) {
            LOG.infof("deleted %d complaint(s) filed more than %s ago", purged, config.retention());
        }
        return purged;
    }
}
