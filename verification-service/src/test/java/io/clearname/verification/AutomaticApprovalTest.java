package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.Acknowledgement;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutomaticApprovalTest {

    @Test
    void clearRequestedIsApprovedAutomaticallyOnce() {
        UUID account = UUID.randomUUID();
        ClearRequested request = clearRequested(account);
        String eventId = UUID.randomUUID().toString();

        publish(request, eventId);
        publish(request, eventId); // redelivery
        publish(request, UUID.randomUUID().toString()); // the same request published twice by its producer

        List<ConsumerRecord<String, String>> decisions = await().atMost(Duration.ofSeconds(10))
                .until(() -> onAuditCompleted(request.requestId()), r -> !r.isEmpty());
        // A marker request for the same account, published after the copies, is decided after them.
        ClearRequested marker = clearRequested(account);
        publish(marker, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !onAuditCompleted(marker.requestId()).isEmpty());

        decisions = onAuditCompleted(request.requestId());
        assertThat(decisions).hasSize(1);
        AuditCompleted decision = EventJson.read(decisions.get(0).value(), AuditCompleted.class);
        assertThat(decision.decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
        assertThat(decision.decidedBy()).isEqualTo("AUTO");
        assertThat(decisions.get(0).key()).isEqualTo(account.toString());
    }

    @Test
    void ownerSeesTheAuditAndOthersDoNot() {
        UUID account = UUID.randomUUID();
        ClearRequested request = clearRequested(account);
        publish(request, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !onAuditCompleted(request.requestId()).isEmpty());

        given().auth()
                .oauth2(JwtTestResource.token(account.toString(), "user"))
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .statusCode(200)
                .body("state", is("DECIDED"))
                .body("decision", is("APPROVED"));
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static ClearRequested clearRequested(UUID account) {
        return new ClearRequested(
                UUID.randomUUID(),
                account,
                Instant.now(),
                "en",
                new ClearRequested.Contact("+8613800138000", "person@example.com"),
                new ClearRequested.AuditSnapshot(
                        Instant.parse("2020-01-01T00:00:00Z"),
                        2000,
                        Instant.parse("2021-01-01T00:00:00Z"),
                        null,
                        List.of(),
                        "f".repeat(64)),
                List.of(Acknowledgement.values()));
    }

    private static void publish(ClearRequested event, String ceId) {
        RecordSender.send(
                KafkaTestResource.bootstrapServers(),
                Topics.CLEAR_REQUESTED,
                event.accountId().toString(),
                EventJson.write(event),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        ceId,
                        "ce_type",
                        EventType.CLEAR_REQUESTED.ceType(),
                        "ce_source",
                        "test",
                        "ce_subject",
                        event.requestId().toString()));
    }

    private static List<ConsumerRecord<String, String>> onAuditCompleted(UUID request) {
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), Topics.AUDIT_COMPLETED).stream()
                .filter(r -> r.headers().lastHeader("ce_subject") != null
                        && request.toString()
                                .equals(new String(
                                        r.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8)))
                .toList();
    }
}
