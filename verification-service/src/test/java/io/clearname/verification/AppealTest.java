package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.AppealDecided;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Appeals: a second review by another reviewer, final; an overturned one protects the next request for a while. */
@QuarkusTest
class AppealTest {

    private static final String PROBLEMS = "https://clearname.io/problems/";

    @Inject
    AgroalDataSource db;

    @Test
    void firstDeciderCannotClaimAnotherReviewerClaimsAndDecidesOnce() {
        String first = Api.reviewer();
        String second = Api.reviewer();
        ClearRequested request = Cases.rejectedBy(first);
        UUID appealId = Cases.appeal(request);
        String path = "/api/v1/review/appeals/" + appealId;

        Api.asReviewer(first)
                .post(path + "/assignment")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-reviewer-conflict"))
                .body("firstDecidedBy", is(first));
        Api.asReviewer(first)
                .body(Map.of("outcome", "OVERTURNED"))
                .post(path + "/decision")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-reviewer-conflict"));
        Api.asReviewer(second).post(path + "/assignment").then().statusCode(200).body("assignee", is(second));
        Api.asReviewer(Api.reviewer())
                .post(path + "/assignment")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-assigned"))
                .body("assignee", is(second));
        Api.asReviewer(second)
                .get(path)
                .then()
                .statusCode(200)
                .body("firstDecision.decidedBy", is(first))
                .body("firstDecision.reasons[0].code", is("RECENT_SECURITY_CHANGE"))
                .body("ruleResults.size()", is(5))
                .body("message", is("I changed the phone number myself."));

        Api.asReviewer(second)
                .body(Map.of("outcome", "UPHELD", "internalNote", "Change came from a new device."))
                .post(path + "/decision")
                .then()
                .statusCode(200)
                .body("state", is("DECIDED"))
                .body("outcome", is("UPHELD"))
                .body("decidedBy", is(second));
        Api.asReviewer(second)
                .body(Map.of("outcome", "OVERTURNED"))
                .post(path + "/decision")
                .then()
                .statusCode(409)
                .body("type", is(PROBLEMS + "appeal-decided"));

        Outbox.awaitDrained(db, request.accountId());
        var records = EventRecords.about(Topics.APPEAL_DECIDED, request.requestId());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.APPEAL_DECIDED, records.get(0).value()))
                .isEmpty();
        assertThat(records.get(0).value()).doesNotContain("new device");
        AppealDecided event = EventRecords.read(records.get(0), AppealDecided.class);
        assertThat(event.appealId()).isEqualTo(appealId);
        assertThat(event.outcome()).isEqualTo(AppealDecided.Outcome.UPHELD);
        assertThat(event.reasons()).extracting(r -> r.code()).containsExactly("RECENT_SECURITY_CHANGE");
        assertThat(event.newRequestWindowEndsAt()).isNull();
        assertThat(event.userMessage()).contains("decision stands");

        var appeal = Cases.appealOf(appealId);
        var complaint = Cases.staffComplaint(appeal.getString("complaintId"));
        assertThat(complaint.getString("status")).isEqualTo("ANSWERED");
        assertThat(complaint.getString("answer")).isEqualTo(event.userMessage());
        assertThat(complaint.getString("answeredBy")).isEqualTo(second);
        assertThat(Api.caseOf(request.requestId()).getList("actions.type"))
                .contains("APPEAL", "APPEAL_ASSIGNED", "APPEAL_DECIDED");
        Api.asStaff("support-reader", "support")
                .get("/api/v1/review/appeals?state=DECIDED&limit=200")
                .then()
                .statusCode(200)
                .body("appealId", org.hamcrest.Matchers.hasItem(appealId.toString()));
    }

    @Test
    void overturnedAppealSetsTheReasonAsideForTheNextRequestWithinTheWindowOnly() {
        UUID account = UUID.randomUUID();
        ClearRequested rejected =
                Events.request(account).restrictions("LEGAL_HOLD").publish();
        Api.awaitCase(rejected.requestId(), "DECIDED");
        JsonPath decided = overturn(rejected);
        Instant windowEnd = Instant.parse(decided.getString("newRequestWindowEndsAt"));
        assertThat(Duration.between(Instant.parse(decided.getString("decidedAt")), windowEnd))
                .isEqualTo(Duration.ofDays(30));

        ClearRequested next = Events.request(account).restrictions("LEGAL_HOLD").publish();
        var nextCase = Api.awaitCase(next.requestId(), "DECIDED");

        assertThat(nextCase.getString("decision.decision")).isEqualTo("APPROVED");
        assertThat(nextCase.getString("ruleResults.find { it.rule == 'ACCOUNT_RESTRICTED' }.outcome"))
                .isEqualTo("PASS");
        assertThat(nextCase.getString("ruleResults.find { it.rule == 'ACCOUNT_RESTRICTED' }.detail"))
                .contains("set aside by appeal " + decided.getString("appealId"));
        assertThat(nextCase.getList("actions.type")).contains("SET_ASIDE");

        ClearRequested third =
                Events.request(account).restrictions("LEGAL_HOLD").publish();
        var thirdCase = Api.awaitCase(third.requestId(), "DECIDED");
        assertThat(thirdCase.getString("decision.decision")).isEqualTo("REJECTED");
        assertThat(thirdCase.getList("decision.reasons.code")).contains("ACCOUNT_RESTRICTED");
    }

    @Test
    void overturnedAppealDoesNotProtectARequestAfterTheWindow() {
        UUID account = UUID.randomUUID();
        ClearRequested rejected =
                Events.request(account).restrictions("LEGAL_HOLD").publish();
        Api.awaitCase(rejected.requestId(), "DECIDED");
        Instant windowEnd = Instant.parse(overturn(rejected).getString("newRequestWindowEndsAt"));

        ClearRequested late = Events.request(account)
                .requestedAt(windowEnd.plusSeconds(1))
                .restrictions("LEGAL_HOLD")
                .publish();
        var lateCase = Api.awaitCase(late.requestId(), "DECIDED");

        assertThat(lateCase.getString("decision.decision")).isEqualTo("REJECTED");
        assertThat(lateCase.getList("decision.reasons.code")).containsExactly("ACCOUNT_RESTRICTED");
        assertThat(lateCase.getList("actions.type")).doesNotContain("SET_ASIDE");
    }

    /** Appeals the automatic rejection of {@code request}; anyone may review it, and overturns it. */
    private JsonPath overturn(ClearRequested request) {
        UUID appealId = Cases.appeal(request);
        assertThat(Cases.appealOf(appealId).getString("firstDecision.decidedBy"))
                .isEqualTo("AUTO");
        JsonPath decided = Api.asReviewer(Api.reviewer())
                .body(Map.of("outcome", "OVERTURNED", "userMessage", "The hold was lifted; please apply again."))
                .post("/api/v1/review/appeals/" + appealId + "/decision")
                .then()
                .statusCode(200)
                .body("outcome", is("OVERTURNED"))
                .extract()
                .jsonPath();
        Outbox.awaitDrained(db, request.accountId());
        AppealDecided event = EventRecords.read(
                EventRecords.about(Topics.APPEAL_DECIDED, request.requestId()).get(0), AppealDecided.class);
        assertThat(event.newRequestWindowEndsAt())
                .isEqualTo(Instant.parse(decided.getString("newRequestWindowEndsAt")));
        assertThat(event.reasons()).extracting(r -> r.code()).containsExactly("ACCOUNT_RESTRICTED");
        return decided;
    }
}
