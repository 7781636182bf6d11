package io.clearname.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.Topics;
import io.clearname.kit.TestWriter;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A relay whose producer was fenced publishes again with a new producer instead of failing every round after. */
@QuarkusTest
@TestProfile(RelayProducerRecoveryTest.Fencing.class)
class RelayProducerRecoveryTest {

    /** Every producer of the test application partitions with {@link FencingPartitioner}. */
    public static class Fencing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.partitioner.class", FencingPartitioner.class.getName());
        }
    }

    @Inject
    TestWriter writer;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void forgetTheKey() {
        System.clearProperty(FencingPartitioner.KEY_PROPERTY);
    }

    @Test
    void aFencedProducerIsReplacedAndTheEventIsPublishedWithTheNextOne() {
        UUID account = UUID.randomUUID();
        double discardedBefore = discarded();
        System.setProperty(FencingPartitioner.KEY_PROPERTY, account.toString());

        writer.commit(ClearRequestedBuilder.forAccount(account).build());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicReader.readAll(bootstrapServers, Topics.CLEAR_REQUESTED).stream()
                        .anyMatch(record -> account.toString().equals(record.key())));
        assertThat(discarded()).isEqualTo(discardedBefore + 1);
    }

    private double discarded() {
        return registry.get("clearname.outbox.producer.discarded")
                .functionCounter()
                .count();
    }
}
