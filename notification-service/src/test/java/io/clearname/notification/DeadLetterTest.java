package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventType;
import io.clearname.events.ReasonCode;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
class DeadLetterTest {

    @Test
    void malformedConclusionGoesToTheDeadLetterTopicAndTheNextOneIsStillDelivered() {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");

        sendMalformed(EventType.CLEARING_CONCLUDED, key, requested);
        EventRecords.publish(requested);
        String concludedId = EventRecords.publish(Events.concluded(requested, ClearingConcluded.Outcome.CLEARED));

        Events.awaitBothChannels(requested.requestId(), concludedId);
        assertSingleDeadLetter(Topics.CLEARING_CONCLUDED, key);
    }

    @ParameterizedTest
    @EnumSource(
            value = EventType.class,
            names = {
                "CLEAR_REQUESTED",
                "COMPLAINT_RECEIVED",
                "AUDIT_DELAYED",
                "CLEARING_APPROVED",
                "REVIEW_STARTED",
                "COMPLAINT_ANSWERED",
                "APPEAL_DECIDED"
            })
    void malformedRecordsOfEveryConsumedTopicGoToItsDeadLetterTopic(EventType type) {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");

        sendMalformed(type, key, requested);

        assertSingleDeadLetter(type.topic(), key);
    }

    @ParameterizedTest
    @EnumSource(
            value = EventType.class,
            names = {"CLEARING_APPROVED", "REVIEW_STARTED", "COMPLAINT_ANSWERED", "APPEAL_DECIDED"})
    void aPoisonRecordOfANewTopicDoesNotStallItsPartition(EventType type) {
        UUID account = UUID.randomUUID();
        String key = account.toString();
        ClearRequested requested = Events.clearRequested(account, Events.uniqueEmail(), "en");
        EventRecords.publish(requested);

        sendMalformed(type, key, requested);
        String nextId = EventRecords.publish(valid(type, requested));

        Events.awaitBothChannels(requested.requestId(), nextId);
        assertSingleDeadLetter(type.topic(), key);
    }

    /** A valid event of the type, on the same topic and key as the poison record before it. */
    private static ClearnameEvent valid(EventType type, ClearRequested requested) {
        Instant now = Instant.now();
        return switch (type) {
            case CLEARING_APPROVED -> Events.approved(requested, now, now.plus(Duration.ofHours(24)));
            case REVIEW_STARTED -> Events.reviewStarted(requested, now, now.plus(Duration.ofDays(15)));
            case COMPLAINT_ANSWERED -> Events.complaintAnswered(requested, now, "We looked at it again.");
            case APPEAL_DECIDED -> Events.appealUpheld(requested, now, List.of(ReasonCode.SUSPECTED_MISUSE.reason()));
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private static void sendMalformed(EventType type, String key, ClearRequested requested) {
        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            producer.sendCloudEvent(
                    type.topic(),
                    key,
                    "{\"requestId\": \"" + requested.requestId() + "\", \"expectedDecisionBy\": 42",
                    UUID.randomUUID().toString(),
                    type.ceType());
        }
    }

    private static void assertSingleDeadLetter(String topic, String key) {
        List<ConsumerRecord<String, String>> dead =
                await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(topic, key), d -> !d.isEmpty());
        assertThat(dead)
                .singleElement()
                .satisfies(r ->
                        assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(String topic, String key) {
        return TopicReader.readAll(
                        KafkaTestResource.bootstrapServers(), Topics.deadLetter(topic, "notification-service"))
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
