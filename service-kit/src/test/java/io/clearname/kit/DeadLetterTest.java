package io.clearname.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    private static final String DLQ = "clear-requested.verification-service.dlq";

    @Inject
    TestEffects effects;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void malformedRecordsLandInTheDeadLetterTopicAndTheGoodRecordsAroundThemAreAppliedOnce() {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        String notJson = "{\"requestId\": \"" + UUID.randomUUID() + "\", oops";
        String noCeId =
                EventJson.write(ClearRequestedBuilder.forAccount(account).build());
        var before = ClearRequestedBuilder.forAccount(account).build();
        var good = ClearRequestedBuilder.forAccount(account).build();

        try (var producer = new RecordSender(bootstrapServers)) {
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED,
                    key,
                    EventJson.write(before),
                    UUID.randomUUID().toString(),
                    "clearname.ClearRequested.v1");
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED, key, notJson, "bad-json-" + key, "clearname.ClearRequested.v1");
            producer.sendCloudEvent(Topics.CLEAR_REQUESTED, key, noCeId, null, "clearname.ClearRequested.v1");
            producer.sendCloudEvent(Topics.CLEAR_REQUESTED, key, "{}", "wrong-type-" + key, "clearname.Unknown.v1");
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED,
                    key,
                    EventJson.write(good),
                    UUID.randomUUID().toString(),
                    "clearname.ClearRequested.v1");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> effects.effectsFor(good.requestId()) == 1);
        // Records of one batch share a transaction; a poison record rolls it back and each record is applied anew.
        assertThat(effects.effectsFor(before.requestId())).isEqualTo(1);
        List<ConsumerRecord<String, String>> dead =
                await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersOf(key), d -> d.size() == 3);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, noCeId, "{}");
        assertThat(dead)
                .extracting(r -> EventRecords.header(r, "dead-letter-reason").orElseThrow())
                .satisfiesExactly(
                        reason -> assertThat(reason)
                                .startsWith("ClearRequested payload is malformed at line 1")
                                .doesNotContain("oops"),
                        reason -> assertThat(reason).isEqualTo("record has no ce_id header"),
                        reason -> assertThat(reason)
                                .isEqualTo("record wrong-type-" + key
                                        + " has ce_type clearname.Unknown.v1, expected clearname.ClearRequested.v1"));
    }

    private List<ConsumerRecord<String, String>> deadLettersOf(String key) {
        return TopicReader.readAll(bootstrapServers, DLQ).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
