package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
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

        EventRecords.publish(request, eventId);
        EventRecords.publish(request, eventId); // redelivery
        EventRecords.publish(request, UUID.randomUUID().toString()); // the same request published twice by its producer

        List<ConsumerRecord<String, String>> decisions = await().atMost(Duration.ofSeconds(10))
                .until(() -> onAuditCompleted(request.requestId()), r -> !r.isEmpty());
        // A marker request for the same account, published after the copies, is decided after them.
        ClearRequested marker = clearRequested(account);
        EventRecords.publish(marker, UUID.randomUUID().toString());
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
        EventRecords.publish(request, UUID.randomUUID().toString());
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
        return ClearRequestedBuilder.forAccount(account)
                .fingerprint("f".repeat(64))
                .build();
    }

    private static List<ConsumerRecord<String, String>> onAuditCompleted(UUID request) {
        return EventRecords.about(Topics.AUDIT_COMPLETED, request);
    }
}
