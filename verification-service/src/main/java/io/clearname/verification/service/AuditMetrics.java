package io.clearname.verification.service;

import io.clearname.verification.repository.AuditCaseRepository.QueueCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit's metrics on {@code /q/metrics}. The queue gauges are counted from the database by the SLA scheduler on
 * every round, so every instance reports the same numbers: aggregate them with {@code max}, not {@code sum}.
 */
@Startup
@ApplicationScoped
public class AuditMetrics {

    public static final String AUTO = "AUTO";
    public static final String REVIEWER = "REVIEWER";

    private final MeterRegistry registry;
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong atRisk = new AtomicLong();
    private final AtomicLong breached = new AtomicLong();

    public AuditMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("clearname.audit.queue.depth", queueDepth, AtomicLong::get)
                .description("Open cases waiting for a reviewer's decision")
                .register(registry);
        Gauge.builder("clearname.audit.cases.at.risk", atRisk, AtomicLong::get)
                .description("Open cases past the at-risk mark of their SLA, not yet due")
                .register(registry);
        Gauge.builder("clearname.audit.cases.breached", breached, AtomicLong::get)
                .description("Open cases past their due date")
                .register(registry);
    }

    public void queue(QueueCounts counts) {
        queueDepth.set(counts.open());
        atRisk.set(counts.atRisk());
        breached.set(counts.breached());
    }

    /** A decision, automatic or by a reviewer, and how long it took from the case's creation. */
    public void decided(String decision, boolean automatic, Duration took) {
        String by = automatic ? AUTO : REVIEWER;
        registry.counter("clearname.audit.decisions", "decision", decision, "decided_by", by)
                .increment();
        Timer.builder("clearname.audit.decision")
                .description("Time from a case's creation to its decision")
                .tags("decision", decision, "decided_by", by)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    /** A case reached an SLA mark: {@code AT_RISK} or {@code BREACHED}. */
    public void escalated(String mark) {
        registry.counter("clearname.audit.escalations", "mark", mark).increment();
    }

    public void complaint(String kind) {
        registry.counter("clearname.audit.complaints", "kind", kind).increment();
    }

    public void withdrawn() {
        registry.counter("clearname.audit.withdrawn").increment();
    }

    /**
     * One SLA round of this instance and how long it took, {@code outcome} {@code completed} or {@code failed}. A
     * count that stops rising means escalations have stopped on this instance; rising failures, that its rounds roll
     * back (the database, usually).
     */
    public void slaRound(boolean completed, Duration took) {
        Timer.builder("clearname.audit.sla.round")
                .description("SLA rounds of this instance: looking for cases past their marks")
                .tag("outcome", completed ? "completed" : "failed")
                .register(registry)
                .record(took);
    }
}
