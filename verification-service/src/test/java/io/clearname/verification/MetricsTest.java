package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.clearname.events.ClearRequested;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @Test
    void queueGaugesDecisionsSlaRoundsAndDurationsAreOnTheMetricsEndpoint() {
        Events.request(UUID.randomUUID()).publish();
        ClearRequested reviewed = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(reviewed.requestId(), "IN_REVIEW");
        Api.as(reviewed.accountId())
                .body(Map.of("message", "Any news?"))
                .post("/api/v1/me/clearing-requests/" + reviewed.requestId() + "/complaints")
                .then()
                .statusCode(201);
        Api.asReviewer(Api.reviewer())
                .body(Map.of("decision", "REJECTED", "reasonCodes", java.util.List.of("SUSPECTED_MISUSE")))
                .post("/api/v1/review/cases/" + reviewed.requestId() + "/decision")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(matchesPattern("(?s).*\\nclearname_audit_queue_depth(\\{[^}]*\\})? \\d.*"))
                        .body(containsString("clearname_audit_cases_at_risk"))
                        .body(containsString("clearname_audit_cases_breached"))
                        .body(containsString(
                                "clearname_audit_decisions_total{decided_by=\"AUTO\",decision=\"APPROVED\""))
                        .body(containsString(
                                "clearname_audit_decisions_total{decided_by=\"REVIEWER\",decision=\"REJECTED\""))
                        .body(containsString("clearname_audit_decision_seconds_count{decided_by=\"REVIEWER\""))
                        .body(containsString("clearname_audit_decision_seconds_bucket"))
                        .body(containsString("clearname_audit_complaints_total{kind=\"ESCALATION\""))
                        .body(containsString("clearname_audit_sla_round_seconds_count{outcome=\"completed\""))
                        .body(containsString("clearname_outbox_published_total")));
    }
}
