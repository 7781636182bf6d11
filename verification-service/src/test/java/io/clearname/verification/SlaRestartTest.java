package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.verification.service.SlaScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cases fall due while no SLA scheduler runs (the instances are down), then the scheduler comes back on several
 * instances at once.
 *
 * <p>Pausing the job stands for the outage, and running rounds on three threads at once (two direct calls and the
 * resumed job) stands for the instances that start afterwards. That is what a restart amounts to here, because the
 * scheduler holds no state: the marks are columns of the cases, so whatever instance runs next finds every case past
 * them, and the row locks with the flags they guard make each case escalated once and breached once, with one
 * AuditDelayed, however many instances run.
 */
@QuarkusTest
class SlaRestartTest {

    @Inject
    ControlledClock clock;

    @Inject
    Scheduler jobs;

    @Inject
    SlaScheduler sla;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void restore() {
        jobs.resume(SlaScheduler.JOB);
        clock.reset();
    }

    @Test
    void casesThatFellDueWhileNoSchedulerRanAreEscalatedOnceWhenItComesBack() throws Exception {
        jobs.pause(SlaScheduler.JOB);
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        List<ClearRequested> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A day apart, so that velocity leaves them alone; all go to review.
            ClearRequested request = Events.request(account)
                    .requestedAt(now.minus(Duration.ofDays(3 - i)))
                    .forReview()
                    .publish();
            Api.awaitCase(request.requestId(), "IN_REVIEW");
            requests.add(request);
        }

        clock.advance(Duration.ofDays(16));
        // Nothing happens while the job is paused: no instance is looking.
        for (ClearRequested request : requests) {
            assertThat(Api.caseOf(request.requestId()).getString("escalatedAt")).isNull();
        }

        var start = new CyclicBarrier(2);
        var first = CompletableFuture.runAsync(() -> roundAfter(start));
        var second = CompletableFuture.runAsync(() -> roundAfter(start));
        jobs.resume(SlaScheduler.JOB);
        CompletableFuture.allOf(first, second).get();
        SlaRounds.awaitRoundStartedAfterNow(metrics);

        for (ClearRequested request : requests) {
            var auditCase = Api.caseOf(request.requestId());
            assertThat(auditCase.getString("escalatedAt")).isNotNull();
            assertThat(auditCase.getString("breachedAt")).isNotNull();
            assertThat(auditCase.getString("priority")).isEqualTo("URGENT");
            assertThat(auditCase.getList("actions.type"))
                    .filteredOn(t -> t.equals("ESCALATED"))
                    .hasSize(1);
            assertThat(auditCase.getList("actions.type"))
                    .filteredOn(t -> t.equals("BREACHED"))
                    .hasSize(1);
        }
        // Once the account's outbox rows are gone, every event the rounds wrote is on its topic.
        Outbox.awaitDrained(db, account);
        for (ClearRequested request : requests) {
            assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                    .hasSize(1);
        }
    }

    private void roundAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sla.round();
    }
}
