package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventType;
import io.clearname.events.Reason;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.clearname.local.testing.JwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The reviewers' queue, assignment and decisions. */
@QuarkusTest
class ManualReviewTest {

    @Inject
    AgroalDataSource db;

    private static final String PROBLEM = "application/problem+json";

    @Test
    void queueListsOpenCasesByPriorityThenDueDate() {
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        // Spread beyond the velocity window, so all three go to review.
        ClearRequested first = Events.request(account)
                .requestedAt(now.minus(Duration.ofDays(3)))
                .forReview()
                .publish();
        Api.awaitCase(first.requestId(), "IN_REVIEW");
        ClearRequested second = Events.request(account)
                .requestedAt(now.minus(Duration.ofDays(2)))
                .forReview()
                .publish();
        Api.awaitCase(second.requestId(), "IN_REVIEW");
        ClearRequested third =
                Events.request(account).requestedAt(now).forReview().publish();
        Api.awaitCase(third.requestId(), "IN_REVIEW");
        Api.as(account)
                .body(Map.of("message", "Please hurry."))
                .post("/api/v1/me/clearing-requests/" + third.requestId() + "/complaints")
                .then()
                .statusCode(201);

        Api.asReviewer(Api.reviewer())
                .queryParam("accountId", account.toString())
                .get("/api/v1/review/cases")
                .then()
                .statusCode(200)
                .body("total", is(3))
                .body(
                        "items.requestId",
                        contains(
                                third.requestId().toString(),
                                first.requestId().toString(),
                                second.requestId().toString()))
                .body("items.priority", contains("HIGH", "NORMAL", "NORMAL"))
                .body("items[0].complaints", is(1))
                .body("items[1].reviewFor", contains("RECENT_SECURITY_CHANGE"));

        Api.asReviewer(Api.reviewer())
                .queryParam("accountId", account.toString())
                .queryParam("sort", "created")
                .queryParam("size", "2")
                .queryParam("page", "1")
                .get("/api/v1/review/cases")
                .then()
                .statusCode(200)
                .body("total", is(3))
                .body("items.requestId", contains(third.requestId().toString()));

        Api.asReviewer(Api.reviewer())
                .queryParam("accountId", account.toString())
                .queryParam("priority", "HIGH")
                .get("/api/v1/review/cases")
                .then()
                .body("items.requestId", contains(third.requestId().toString()));
    }

    @Test
    void queueRefusesFiltersItDoesNotKnowNamingThem() {
        Api.asReviewer(Api.reviewer())
                .queryParam("state", "PENDING")
                .queryParam("size", "0")
                .queryParam("breached", "maybe")
                .get("/api/v1/review/cases")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/validation-failed"))
                .body("errors.field", contains("state", "breached", "size"));
    }

    @Test
    void secondReviewerCannotClaimACaseAnotherHolds() {
        UUID request = reviewCase();
        String alice = Api.reviewer();
        String bob = Api.reviewer();

        Api.asReviewer(alice)
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee", is(alice));
        Api.asReviewer(bob)
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/case-assigned"))
                .body("assignee", is(alice));
        Api.asReviewer(alice)
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200);
        Api.asReviewer(bob)
                .delete("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(409);
        Api.asReviewer(Api.reviewer())
                .queryParam("assignee", alice)
                .get("/api/v1/review/cases")
                .then()
                .body("items.requestId", contains(request.toString()));

        Api.asReviewer(alice)
                .delete("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
        Api.asReviewer(bob)
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee", is(bob));

        var actions = Api.caseOf(request).getList("actions", Map.class);
        assertThat(actions)
                .extracting(a -> a.get("type") + " " + a.get("actor"))
                .containsExactly("OPENED SYSTEM", "ASSIGNED " + alice, "RELEASED " + alice, "ASSIGNED " + bob);
    }

    @Test
    void reviewerDecisionPublishesAuditCompletedWithoutTheInternalNote() {
        ClearRequested requested = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(requested.requestId(), "IN_REVIEW");
        UUID request = requested.requestId();
        String reviewer = Api.reviewer();

        Api.asReviewer(reviewer)
                .body(Map.of(
                        "decision", "REJECTED",
                        "reasonCodes", List.of("RECENT_SECURITY_CHANGE", "IDENTITY_NOT_CONFIRMED"),
                        "userMessage", "Your phone number changed recently. Please apply again in two weeks.",
                        "internalNote", "Phone changed from a new device."))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(200)
                .body("state", is("DECIDED"))
                .body("assignee", is(reviewer))
                .body("decision.decidedBy", is(reviewer))
                .body("decision.internalNote", is("Phone changed from a new device."))
                .body("decision.reasons.code", contains("RECENT_SECURITY_CHANGE", "IDENTITY_NOT_CONFIRMED"))
                .body("actions.type", hasItem("DECIDED"));

        ConsumerRecord<String, String> record = awaitOneDecision(request);
        assertThat(EventSchemas.problems(EventType.AUDIT_COMPLETED, record.value()))
                .isEmpty();
        assertThat(record.value()).doesNotContain("new device");
        AuditCompleted event = EventRecords.read(record, AuditCompleted.class);
        assertThat(event.decision()).isEqualTo(AuditCompleted.Decision.REJECTED);
        assertThat(event.decidedBy()).isEqualTo(reviewer);
        assertThat(event.reasons())
                .containsExactly(
                        new Reason("RECENT_SECURITY_CHANGE", Reason.Finality.RETRY),
                        new Reason("IDENTITY_NOT_CONFIRMED", Reason.Finality.RETRY));
        assertThat(event.userMessage())
                .isEqualTo("Your phone number changed recently. Please apply again in two weeks.");

        String ownerView = Api.as(requested.accountId())
                .get("/api/v1/me/clearing-requests/" + request + "/audit")
                .then()
                .statusCode(200)
                .body("decision", is("REJECTED"))
                .body("message", is("Your phone number changed recently. Please apply again in two weeks."))
                .extract()
                .asString();
        assertThat(ownerView).doesNotContain("new device", reviewer);
    }

    @Test
    void decisionOnADecidedCaseIsRefused() {
        UUID request = reviewCase();
        String reviewer = Api.reviewer();
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(200);

        Api.asReviewer(reviewer)
                .body(Map.of("decision", "REJECTED", "reasonCodes", List.of("SUSPECTED_MISUSE")))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/case-not-open"))
                .body("state", is("DECIDED"));
        Api.asReviewer(Api.reviewer())
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(409);

        AuditCompleted event = EventRecords.read(awaitOneDecision(request), AuditCompleted.class);
        assertThat(event.decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
        assertThat(event.userMessage()).isEqualTo("Your request passed the audit.");
        Api.asReviewer(Api.reviewer())
                .get("/api/v1/review/cases")
                .then()
                .body("items.requestId", not(hasItem(request.toString())));
    }

    @Test
    void decisionOnACaseAnotherReviewerHoldsIsRefused() {
        UUID request = reviewCase();
        Api.asReviewer(Api.reviewer())
                .post("/api/v1/review/cases/" + request + "/assignment")
                .then()
                .statusCode(200);

        Api.asReviewer(Api.reviewer())
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request + "/decision")
                .then()
                .statusCode(409)
                .body("type", is("https://clearname.io/problems/case-assigned"));
        assertThat(Api.caseOf(request).getString("state")).isEqualTo("IN_REVIEW");
    }

    @Test
    void invalidDecisionsAreProblemsNamingTheField() {
        UUID request = reviewCase();
        String reviewer = Api.reviewer();
        String path = "/api/v1/review/cases/" + request + "/decision";

        Api.asReviewer(reviewer)
                .body(Map.of("decision", "REJECTED", "reasonCodes", List.of("VELOCITY", "TOO_RICH")))
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/validation-failed"))
                .body("errors.field", contains("reasonCodes[1]"));
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "REJECTED", "reasonCodes", List.of()))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", contains("reasonCodes"));
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "APPROVED", "reasonCodes", List.of("VELOCITY")))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", contains("reasonCodes"));
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "MAYBE"))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", contains("decision"));
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "APPROVED", "internalNote", "x".repeat(2001)))
                .post(path)
                .then()
                .statusCode(422)
                .body("errors.field", contains("internalNote"));
        Api.asReviewer(reviewer)
                .body("{\"decision\": ")
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/malformed-request"));

        assertThat(Api.caseOf(request).getString("state")).isEqualTo("IN_REVIEW");
        assertThat(Api.caseOf(request).getString("assignee")).isNull();
    }

    @Test
    void unknownCaseIsNotFound() {
        Api.asReviewer(Api.reviewer())
                .get("/api/v1/review/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        Api.asReviewer(Api.reviewer())
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(404);
    }

    @Test
    void reasonCodeCatalogueShowsBothTexts() {
        Api.asReviewer(Api.reviewer())
                .get("/api/v1/review/reason-codes")
                .then()
                .statusCode(200)
                .body(
                        "code",
                        contains(
                                "ACCOUNT_RESTRICTED",
                                "REPEATED_CLEARING",
                                "VELOCITY",
                                "RECENT_VERIFICATION",
                                "RECENT_SECURITY_CHANGE",
                                "IDENTITY_NOT_CONFIRMED",
                                "SUSPECTED_MISUSE",
                                "WALLET_BALANCE",
                                "OUTSTANDING_CREDIT",
                                "AUTO_RENEW_ACTIVE"))
                .body("find { it.code == 'VELOCITY' }.finality", is("RETRY"))
                .body("find { it.code == 'VELOCITY' }.text.'zh-CN'", is("该账号在 24 小时内提交的清除申请过多，请稍后再试。"))
                .body(
                        "find { it.code == 'SUSPECTED_MISUSE' }.text.en",
                        is("The request shows signs that the clearing mechanism is being misused."));
    }

    @Test
    void reviewNeedsTheReviewerRole() {
        given().get("/api/v1/review/cases")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .get("/api/v1/review/cases")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", is("https://clearname.io/problems/forbidden"));
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .contentType("application/json")
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + UUID.randomUUID() + "/decision")
                .then()
                .statusCode(403);
        given().get("/api/v1/me/clearing-requests/" + UUID.randomUUID() + "/audit")
                .then()
                .statusCode(401);
        Api.asReviewer(Api.reviewer())
                .get("/api/v1/me/clearing-requests/" + UUID.randomUUID() + "/audit")
                .then()
                .statusCode(403);
    }

    /** A new case waiting in the queue. */
    static UUID reviewCase() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        return request.requestId();
    }

    /** The one AuditCompleted of a request (and no second one behind it). */
    private ConsumerRecord<String, String> awaitOneDecision(UUID request) {
        Outbox.awaitDrained(db, UUID.fromString(Api.caseOf(request).getString("accountId")));
        var records = EventRecords.about(Topics.AUDIT_COMPLETED, request);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
