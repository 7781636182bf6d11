package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.verification.entity.ClearedIdentity;
import io.clearname.verification.repository.ClearedIdentityRepository;
import io.clearname.verification.service.HistoryRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Past clearings are forgotten once the repeated-clearing rule can no longer count them. */
@QuarkusTest
class HistoryRetentionTest {

    @Inject
    HistoryRetention retention;

    @Inject
    ClearedIdentityRepository history;

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
