package io.clearname.verification;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The SLA rounds this instance completed, read from the timer it publishes on {@code /q/metrics}
 * ({@code clearname_audit_sla_round_seconds_count{outcome="completed"}}). A test that moves the clock waits for a
 * round that began after the move before it asserts that nothing happened.
 */
final class SlaRounds {

    private SlaRounds() {}

    static long completed(MeterRegistry registry) {
        Timer rounds = registry.find("clearname.audit.sla.round")
                .tag("outcome", "completed")
                .timer();
        return rounds == null ? 0 : rounds.count();
    }

    /** Waits for two more completed rounds: the second began after this call, so it saw the clock as it is now. */
    static void awaitRoundStartedAfterNow(MeterRegistry registry) {
        long seen = completed(registry);
        await().atMost(Duration.ofSeconds(20)).until(() -> completed(registry) >= seen + 2);
    }
}
