package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    @Test
    void malformedConclusionGoesToTheDeadLetterTopicAndTheNextOneIsStillDelivered() {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");
        EventType concludedType = EventType.CLEARING_CONCLUDED;

        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            producer.sendCloudEvent(
                    concludedType.topic(),
                    key,
                    "{\"requestId\": \"" + requested.requestId() + "\"}",
                    UUID.randomUUID().toString(),
                    concludedType.ceType());
        }
        Events.publish(requested);
        Events.publish(Events.concluded(requested, ClearingConcluded.Outcome.CLEARED));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Events.userNotified(requested.requestId()).size() == 1);
        List<ConsumerRecord<String, String>> dead =
                await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersOf(key), d -> !d.isEmpty());
        assertThat(dead)
                .singleElement()
                .satisfies(r ->
                        assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(String key) {
        return TopicReader.readAll(
                        KafkaTestResource.bootstrapServers(),
                        Topics.deadLetter(Topics.CLEARING_CONCLUDED, "notification-service"))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
