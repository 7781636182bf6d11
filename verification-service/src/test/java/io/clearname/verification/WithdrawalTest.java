package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ClearingConcluded WITHDRAWN closes an open case; on a decided one it changes nothing. */
@QuarkusTest
class WithdrawalTest {

    @Inject
    AgroalDataSource db;

    @Test
    void withdrawalClosesAnOpenCaseAndTakesItOutOfTheQueue() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        String reviewer = Api.reviewer();
        Api.asReviewer(reviewer)
                .post("/api/v1/review/cases/" + request.requestId() + "/assignment")
                .then()
                .statusCode(200);

        String eventId =
                EventRecords.publish(Events.concluded(request, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));

        var closed = Api.awaitCase(request.requestId(), "WITHDRAWN");
        assertThat(closed.getString("assignee")).isNull();
        assertThat(closed.getString("closedAt")).isNotNull();
        assertThat(closed.getString("decision")).isNull();
        assertThat(closed.getList("actions.type")).containsSubsequence("ASSIGNED", "WITHDRAWN");
        Api.asReviewer(reviewer)
                .queryParam("assignee", reviewer)
                .get("/api/v1/review/cases")
                .then()
                .body("items.requestId", not(hasItem(request.requestId().toString())));
        Api.asReviewer(reviewer)
                .queryParam("state", "WITHDRAWN")
                .queryParam("accountId", request.accountId().toString())
                .get("/api/v1/review/cases")
                .then()
                .body("items.requestId", hasItem(request.requestId().toString()));
        Api.asReviewer(reviewer)
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request.requestId() + "/decision")
                .then()
                .statusCode(409)
                .body("type", is("https://clearname.io/problems/case-not-open"))
                .body("state", is("WITHDRAWN"));
        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .body("state", is("WITHDRAWN"));

        // A redelivery, and the same outcome under a new event id, change nothing.
        EventRecords.publish(Events.concluded(request, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()), eventId);
        EventRecords.publish(Events.concluded(request, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));
        awaitPartitionPassed(request.accountId());
        assertThat(Api.caseOf(request.requestId()).getList("actions.type"))
                .filteredOn("WITHDRAWN"::equals)
                .hasSize(1);
        Outbox.awaitDrained(db, request.accountId());
        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .isEmpty();
    }

    @Test
    void withdrawalAfterTheDecisionChangesNothing() {
        ClearRequested request = Events.request(UUID.randomUUID()).publish();
        Api.awaitCase(request.requestId(), "DECIDED");

        EventRecords.publish(Events.concluded(request, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));
        awaitPartitionPassed(request.accountId());

        var auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getString("state")).isEqualTo("DECIDED");
        assertThat(auditCase.getString("decision.decision")).isEqualTo("APPROVED");
        assertThat(auditCase.getList("actions.type")).doesNotContain("WITHDRAWN");
    }

    /**
     * Waits until the consumer has passed everything published so far for {@code account}: a withdrawal of a new case
     * of the same account, published last, lands on the same partition and is applied after the rest.
     */
    static void awaitPartitionPassed(UUID account) {
        ClearRequested marker = Events.request(account)
                .requestedAt(Instant.now().minus(Duration.ofDays(30)))
                .forReview()
                .publish();
        Api.awaitCase(marker.requestId(), "IN_REVIEW");
        EventRecords.publish(Events.concluded(marker, ClearingConcluded.Outcome.WITHDRAWN, Instant.now()));
        Api.awaitCase(marker.requestId(), "WITHDRAWN");
    }
}
