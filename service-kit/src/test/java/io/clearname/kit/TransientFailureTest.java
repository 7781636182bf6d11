package io.clearname.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A valid event whose effect fails for a reason that passes (the database's deadlock, serialization failure, lock
 * timeout, shutdown, a lost connection) is retried in place and applied once; it never reaches the dead-letter topic,
 * and the events behind it on the partition are applied after it, in order.
 */
@QuarkusTest
class TransientFailureTest {

    private static final String DLQ = "clear-requested.verification-service.dlq";

    @Inject
    TestEffects effects;

    @Inject
    EffectFaults faults;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"40001", "40P01", "55P03", "57P01", "08006", "53300"})
    void anEventWhoseEffectFailsForAReasonThatPassesIsRetriedAndAppliedOnceWithoutADeadLetter(String sqlState) {
        UUID account = UUID.randomUUID();
        var failing = ClearRequestedBuilder.forAccount(account).build();
        var behind = ClearRequestedBuilder.forAccount(account).build();
        faults.failTimes(failing.requestId(), sqlState, 3);

        try (var producer = new RecordSender(bootstrapServers)) {
            for (var event : java.util.List.of(failing, behind)) {
                producer.sendCloudEvent(
                        Topics.CLEAR_REQUESTED,
                        account.toString(),
                        EventJson.write(event),
                        UUID.randomUUID().toString(),
                        "clearname.ClearRequested.v1");
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(behind.requestId()) == 1);
        assertThat(effects.effectsFor(failing.requestId())).isEqualTo(1);
        assertThat(effects.firstEffectOf(failing.requestId()))
                .as("the retried event keeps its place before the one behind it")
                .isLessThan(effects.firstEffectOf(behind.requestId()));
        assertThat(TopicReader.readAll(bootstrapServers, DLQ))
                .noneMatch(r -> account.toString().equals(r.key()));
    }
}
