package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A ClearRequested delivered again, or published again by its producer, opens no second case. */
@QuarkusTest
class RedeliveryTest {

    @Inject
    AgroalDataSource db;

    @Test
    void redeliveredRequestOfADecidedReviewCaseOpensNoSecondCaseAndNoSecondDecision() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().build();
        String eventId = UUID.randomUUID().toString();
        EventRecords.publish(request, eventId);
        Api.awaitCase(request.requestId(), "IN_REVIEW");
        Api.asReviewer(Api.reviewer())
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request.requestId() + "/decision")
                .then()
                .statusCode(200);

        EventRecords.publish(request, eventId); // redelivery
        EventRecords.publish(request); // the same request under a new event id
        WithdrawalTest.awaitPartitionPassed(request.accountId());

        var auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getString("state")).isEqualTo("DECIDED");
        assertThat(auditCase.getList("actions.type"))
                .filteredOn("OPENED"::equals)
                .hasSize(1);
        assertThat(auditCase.getList("ruleResults")).hasSize(5);
        Outbox.awaitDrained(db, request.accountId());
        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .hasSize(1);
    }

    @Test
    void requestPublishedTwiceBeforeItsCaseOpenedIsAuditedOnce() {
        ClearRequested request = Events.request(UUID.randomUUID()).build();
        String eventId = UUID.randomUUID().toString();

        EventRecords.publish(request, eventId);
        EventRecords.publish(request, eventId);
        EventRecords.publish(request);
        WithdrawalTest.awaitPartitionPassed(request.accountId());
        Outbox.awaitDrained(db, request.accountId());

        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .hasSize(1);
        assertThat(Api.caseOf(request.requestId()).getList("actions.type"))
                .filteredOn("OPENED"::equals)
                .hasSize(1);
    }
}
