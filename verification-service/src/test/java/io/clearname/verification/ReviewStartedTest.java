package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventType;
import io.clearname.events.ReviewStarted;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ReviewStarted: the person hears that a reviewer will look, only when the rules left the case to one. */
@QuarkusTest
class ReviewStartedTest {

    @Inject
    AgroalDataSource db;

    @Test
    void caseThatGoesToReviewPublishesReviewStartedOnceWithItsDueDate() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        var auditCase = Api.awaitCase(request.requestId(), "IN_REVIEW");
        Outbox.awaitDrained(db, request.accountId());

        var records = EventRecords.about(Topics.REVIEW_STARTED, request.requestId());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.REVIEW_STARTED, records.get(0).value()))
                .isEmpty();
        ReviewStarted event = EventRecords.read(records.get(0), ReviewStarted.class);
        assertThat(event.accountId()).isEqualTo(request.accountId());
        assertThat(event.startedAt()).isEqualTo(Instant.parse(auditCase.getString("createdAt")));
        assertThat(event.expectedDecisionBy()).isEqualTo(Instant.parse(auditCase.getString("dueAt")));
        assertThat(records.get(0).value()).doesNotContain("RECENT_SECURITY_CHANGE");
    }

    @Test
    void automaticDecisionsPublishNoReviewStarted() {
        ClearRequested approved = Events.request(UUID.randomUUID()).publish();
        ClearRequested rejected =
                Events.request(UUID.randomUUID()).restrictions("LEGAL_HOLD").publish();
        Api.awaitCase(approved.requestId(), "DECIDED");
        Api.awaitCase(rejected.requestId(), "DECIDED");
        Outbox.awaitDrained(db, approved.accountId());
        Outbox.awaitDrained(db, rejected.accountId());

        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, approved.requestId()))
                .hasSize(1);
        assertThat(EventRecords.about(Topics.REVIEW_STARTED, approved.requestId()))
                .isEmpty();
        assertThat(EventRecords.about(Topics.REVIEW_STARTED, rejected.requestId()))
                .isEmpty();
    }
}
