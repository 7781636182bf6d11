package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearingConcluded;
import io.clearname.verification.entity.ClearedIdentity;
import io.clearname.verification.entity.EarlyConclusion;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.repository.EarlyConclusionRepository;
import io.clearname.verification.service.HistoryRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Past clearings are forgotten once the repeated-clearing rule can no longer count them; conclusions that overtook
 * their request, once the request has had 30 days to arrive.
 */
@QuarkusTest
class HistoryRetentionTest {

    @Inject
    HistoryRetention retention;

    @Inject
    ClearedIdentityRepository history;

    @Inject
    EarlyConclusionRepository earlyConclusions;

    @Test
    void clearingsOlderThanTheRuleWindowAreForgottenYoungerOnesKept() {
        String fingerprint = UUID.randomUUID().toString().replace("-", "");
        UUID old = cleared(fingerprint, Duration.ofDays(367));
        UUID recent = cleared(fingerprint, Duration.ofDays(300));

        retention.purge();

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(history.findByIdOptional(old)).isEmpty();
            assertThat(history.findByIdOptional(recent)).isPresent();
        });
    }

    @Test
    void conclusionsWhoseRequestNeverArrivedAreForgottenAfterTheRetentionYoungerOnesKept() {
        UUID old = earlyConclusion(Duration.ofDays(31));
        UUID recent = earlyConclusion(Duration.ofDays(29));

        retention.purgeEarlyConclusions();

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(earlyConclusions.findByIdOptional(old)).isEmpty();
            assertThat(earlyConclusions.findByIdOptional(recent)).isPresent();
        });
    }

    private UUID earlyConclusion(Duration ago) {
        var early = new EarlyConclusion();
        early.requestId = UUID.randomUUID();
        early.accountId = UUID.randomUUID();
        early.outcome = ClearingConcluded.Outcome.WITHDRAWN;
        early.receivedAt = Instant.now().minus(ago);
        QuarkusTransaction.requiringNew().run(() -> earlyConclusions.persist(early));
        return early.requestId;
    }

    private UUID cleared(String fingerprint, Duration ago) {
        var identity = new ClearedIdentity();
        identity.requestId = UUID.randomUUID();
        identity.accountId = UUID.randomUUID();
        identity.idFingerprint = fingerprint;
        identity.clearedAt = Instant.now().minus(ago);
        QuarkusTransaction.requiringNew().run(() -> history.persist(identity));
        return identity.requestId;
    }
}
