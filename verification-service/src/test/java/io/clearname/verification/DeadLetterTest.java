package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records the service cannot use go to its dead-letter topics, and the partition moves on. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void clearingConcludedThatIsNotJsonIsDeadLetteredAndTheNextOneApplied() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String poison = UUID.randomUUID().toString();

        send(Topics.CLEARING_CONCLUDED, request.accountId(), "{not json", poison, EventType.CLEARING_CONCLUDED);
        EventRecords.publish(Events.concluded(request, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));

        Api.awaitCase(request.requestId(), "WITHDRAWN");
        awaitDeadLetter(Topics.deadLetter(Topics.CLEARING_CONCLUDED, "verification-service"), poison);
    }

    @Test
    void clearRequestedWithoutAuditSnapshotIsDeadLetteredAndOpensNoCase() {
        UUID account = UUID.randomUUID();
        ClearRequested complete = Events.request(account).build();
        var incomplete = new ClearRequested(
                UUID.randomUUID(), account, Instant.now(), "en", complete.contact(), null, complete.acknowledgements());
        String poison = UUID.randomUUID().toString();

        send(Topics.CLEAR_REQUESTED, account, EventJson.write(incomplete), poison, EventType.CLEAR_REQUESTED);

        awaitDeadLetter(Topics.deadLetter(Topics.CLEAR_REQUESTED, "verification-service"), poison);
        Api.asReviewer(Api.reviewer())
                .get("/api/v1/review/cases/" + incomplete.requestId())
                .then()
                .statusCode(404);
        EventRecords.publish(complete);
        Api.awaitCase(complete.requestId(), "DECIDED");
    }

    private static void send(String topic, UUID account, String value, String ceId, EventType type) {
        RecordSender.send(
                KafkaTestResource.bootstrapServers(),
                topic,
                account.toString(),
                value,
                Map.of("ce_specversion", "1.0", "ce_id", ceId, "ce_type", type.ceType(), "ce_source", "test"));
    }

    private static void awaitDeadLetter(String topic, String ceId) {
        var records = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.readAll(KafkaTestResource.bootstrapServers(), topic).stream()
                                .filter(r -> r.headers().lastHeader("ce_id") != null
                                        && ceId.equals(new String(
                                                r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
                                .toList(),
                        r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
    }
}
