package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Complaints of a request's owner, and the owner's view of the audit. */
@QuarkusTest
class ComplaintTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    @Test
    void complaintTextIsStoredEncryptedAndReadBackAsWritten() throws SQLException {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String text = "Han Meimei here, still waiting.";

        String complaintId = Api.as(request.accountId())
                .body(Map.of("message", text))
                .post("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("complaintId");

        byte[] stored;
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("SELECT message_ct FROM complaint WHERE id = ?")) {
            query.setObject(1, UUID.fromString(complaintId));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                stored = row.getBytes(1);
            }
        }
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Han Meimei", "waiting");
        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints/" + complaintId)
                .then()
                .statusCode(200)
                .body("message", is(text));
    }

    @Test
    void ownerComplaintIsRecordedMaskedAndRaisesThePriority() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String path = "/api/v1/me/clearing-requests/" + request.requestId();

        Response created = Api.as(request.accountId())
                .body(Map.of("message", "No answer for a week. My ID is 11010519491231002X, call 13800138000."))
                .post(path + "/complaints");

        created.then()
                .statusCode(201)
                .header("Location", endsWith(path + "/complaints/" + created.path("complaintId")))
                .body("kind", is("ESCALATION"))
                .body("message", is("No answer for a week. My ID is [id-number], call [phone]."))
                .body("receivedAt", notNullValue());
        UUID complaintId = UUID.fromString(created.path("complaintId"));
        var auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getString("priority")).isEqualTo("HIGH");
        assertThat(auditCase.getList("actions.type")).contains("COMPLAINT");
        assertThat(auditCase.getList("complaints.message"))
                .containsExactly("No answer for a week. My ID is [id-number], call [phone].");

        var records = await().atMost(Duration.ofSeconds(20))
                .until(() -> EventRecords.about(Topics.COMPLAINT_RECEIVED, request.requestId()), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.COMPLAINT_RECEIVED, records.get(0).value()))
                .isEmpty();
        assertThat(records.get(0).value()).doesNotContain("answer", "[phone]", "1380013");
        ComplaintReceived event = EventRecords.read(records.get(0), ComplaintReceived.class);
        assertThat(event.complaintId()).isEqualTo(complaintId);
        assertThat(event.expectedDecisionBy()).isEqualTo(Instant.parse(auditCase.getString("dueAt")));

        Api.as(request.accountId())
                .get(path + "/audit")
                .then()
                .statusCode(200)
                .body("state", is("IN_REVIEW"))
                .body("escalated", is(true))
                .body("breached", is(false))
                .body("expectedDecisionBy", is(auditCase.getString("dueAt")))
                .body("complaints.complaintId", contains(complaintId.toString()));
        Api.as(request.accountId())
                .get(path + "/complaints/" + complaintId)
                .then()
                .statusCode(200)
                .body("kind", is("ESCALATION"));
    }

    @Test
    void complaintOnSomeoneElsesOrAnUnknownRequestIsNotFound() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");

        Api.as(UUID.randomUUID())
                .body(Map.of("message", "Let me in."))
                .post("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/not-found"));
        Api.as(UUID.randomUUID())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .statusCode(404);
        Api.as(request.accountId())
                .body(Map.of("message", "Where is it?"))
                .post("/api/v1/me/clearing-requests/" + UUID.randomUUID() + "/complaints")
                .then()
                .statusCode(404);
        assertThat(Api.caseOf(request.requestId()).getString("priority")).isEqualTo("NORMAL");
        assertThat(Api.caseOf(request.requestId()).getList("complaints")).isEmpty();
    }

    @Test
    void emptyOrOverlongComplaintIsRefusedNamingTheField() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String path = "/api/v1/me/clearing-requests/" + request.requestId() + "/complaints";

        Api.as(request.accountId())
                .body(Map.of("message", "x".repeat(2001)))
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("message"));
        Api.as(request.accountId())
                .body(Map.of("message", " "))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", contains("message"));
        Api.as(request.accountId()).body("{}").post(path).then().statusCode(422);
        Api.as(request.accountId())
                .body(Map.of("message", "x".repeat(2000)))
                .post(path)
                .then()
                .statusCode(201);
    }

    @Test
    void retriedComplaintWithTheSameIdempotencyKeyReturnsTheFirst() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String path = "/api/v1/me/clearing-requests/" + request.requestId() + "/complaints";
        String key = UUID.randomUUID().toString();

        String first = Api.as(request.accountId())
                .header("Idempotency-Key", key)
                .body(Map.of("message", "Still waiting."))
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("complaintId");
        Api.as(request.accountId())
                .header("Idempotency-Key", key)
                .body(Map.of("message", "Still waiting."))
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("complaintId", is(first));
        Api.as(request.accountId())
                .header("Idempotency-Key", key)
                .body(Map.of("message", "Something else."))
                .post(path)
                .then()
                .statusCode(422)
                .body("type", is("https://clearname.io/problems/idempotency-key-reused"));

        var auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getList("complaints")).hasSize(1);
        assertThat(auditCase.getString("priority")).isEqualTo("HIGH");
    }

    @Test
    void theEleventhComplaintWithinAnHourIsRefusedWith429() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String path = "/api/v1/me/clearing-requests/" + request.requestId() + "/complaints";
        for (int i = 0; i < 10; i++) {
            Api.as(request.accountId())
                    .body(Map.of("message", "Still waiting, message " + i))
                    .post(path)
                    .then()
                    .statusCode(201);
        }

        Api.as(request.accountId())
                .body(Map.of("message", "One more"))
                .post(path)
                .then()
                .statusCode(429)
                .contentType(PROBLEM)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", endsWith("/rate-limited"));
        assertThat(Api.caseOf(request.requestId()).getList("complaints")).hasSize(10);
    }

    @Test
    void complaintAfterTheDecisionIsAnAppealThatLeavesTheCaseDecided() {
        ClearRequested request =
                Events.request(UUID.randomUUID()).restrictions("LEGAL_HOLD").publish();
        Api.awaitCase(request.requestId(), "DECIDED");

        Api.as(request.accountId())
                .body(Map.of("message", "The hold was lifted yesterday."))
                .post("/api/v1/me/clearing-requests/" + request.requestId() + "/complaints")
                .then()
                .statusCode(201)
                .body("kind", is("APPEAL"));

        var auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getString("state")).isEqualTo("DECIDED");
        assertThat(auditCase.getString("priority")).isEqualTo("NORMAL");
        assertThat(auditCase.getList("actions.type")).contains("APPEAL");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EventRecords.about(Topics.COMPLAINT_RECEIVED, request.requestId()), r -> r.size() == 1);
    }

    @Test
    void ownerReadsTheReasonsInTheirLanguage() {
        ClearRequested request = Events.request(UUID.randomUUID())
                .locale("zh-CN")
                .restrictions("UNDER_INVESTIGATION")
                .publish();
        Api.awaitCase(request.requestId(), "DECIDED");
        String path = "/api/v1/me/clearing-requests/" + request.requestId() + "/audit";

        Api.as(request.accountId())
                .get(path)
                .then()
                .statusCode(200)
                .body("state", is("DECIDED"))
                .body("decision", is("REJECTED"))
                .body("reasons[0].code", is("ACCOUNT_RESTRICTED"))
                .body("reasons[0].finality", is("FINAL"))
                .body("reasons[0].text", is("您的账号处于法律冻结或调查中，无法清除实名信息。"))
                .body("message", org.hamcrest.Matchers.startsWith("您的账号处于法律冻结或调查中"))
                .body("escalated", is(false))
                .body("complaints", org.hamcrest.Matchers.empty());
        Api.as(request.accountId())
                .header("Accept-Language", "en-GB,en;q=0.8")
                .get(path)
                .then()
                .body(
                        "reasons[0].text",
                        is(
                                "Your account is under a legal hold or an investigation, so its real name cannot be cleared."));
    }
}
