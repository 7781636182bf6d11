package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA with a controlled clock: a case is escalated at 80% of its 15 days and marked breached at its due date,
 * telling the person once. The clock moves to just before and just after each mark.
 */
@QuarkusTest
class SlaTest {

    @Inject
    ControlledClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void caseIsEscalatedAtEightyPercentAndBreachedAtItsDueDate() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        JsonPath opened = Api.awaitCase(request.requestId(), "IN_REVIEW");
        Instant escalateAt = Instant.parse(opened.getString("escalateAt"));
        Instant dueAt = Instant.parse(opened.getString("dueAt"));
        Instant createdAt = Instant.parse(opened.getString("createdAt"));
        assertThat(Duration.between(createdAt, dueAt)).isEqualTo(Duration.ofDays(15));
        assertThat(Duration.between(createdAt, escalateAt)).isEqualTo(Duration.ofDays(12));

        moveTo(escalateAt.minusSeconds(30));
        assertThat(Api.caseOf(request.requestId()).getString("escalatedAt")).isNull();

        moveTo(escalateAt);
        JsonPath escalated = awaitCase(request, json -> json.getString("escalatedAt") != null);
        assertThat(escalated.getString("priority")).isEqualTo("HIGH");
        assertThat(escalated.getString("breachedAt")).isNull();
        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .statusCode(200)
                .body("escalated", org.hamcrest.Matchers.is(true))
                .body("breached", org.hamcrest.Matchers.is(false));

        moveTo(dueAt.minusSeconds(30));
        assertThat(Api.caseOf(request.requestId()).getString("breachedAt")).isNull();
        assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                .isEmpty();

        moveTo(dueAt);
        JsonPath breached = awaitCase(request, json -> json.getString("breachedAt") != null);
        assertThat(breached.getString("priority")).isEqualTo("URGENT");
        assertThat(breached.getString("state")).isEqualTo("IN_REVIEW");
        assertThat(breached.getList("actions.type")).containsSubsequence("OPENED", "ESCALATED", "BREACHED");

        var delayed = await().atMost(Duration.ofSeconds(20))
                .until(() -> EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()), r -> !r.isEmpty());
        assertThat(EventSchemas.problems(EventType.AUDIT_DELAYED, delayed.get(0).value()))
                .isEmpty();
        AuditDelayed event = EventRecords.read(delayed.get(0), AuditDelayed.class);
        assertThat(event.expectedDecisionBy()).isEqualTo(dueAt);
        assertThat(event.accountId()).isEqualTo(request.accountId());

        // Later rounds find nothing more to do for it.
        moveTo(dueAt.plus(Duration.ofDays(3)));
        assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                .hasSize(1);
        assertThat(Api.caseOf(request.requestId()).getList("actions.type"))
                .filteredOn(t -> t.equals("BREACHED") || t.equals("ESCALATED"))
                .hasSize(2);
        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .body("breached", org.hamcrest.Matchers.is(true))
                .body("expectedDecisionBy", org.hamcrest.Matchers.is(opened.getString("dueAt")));
    }

    @Test
    void decidedCaseIsNeverEscalated() {
        ClearRequested request = Events.request(UUID.randomUUID()).forReview().publish();
        JsonPath opened = Api.awaitCase(request.requestId(), "IN_REVIEW");
        Api.asReviewer(Api.reviewer())
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/review/cases/" + request.requestId() + "/decision")
                .then()
                .statusCode(200);

        moveTo(Instant.parse(opened.getString("dueAt")).plus(Duration.ofDays(1)));

        JsonPath decided = Api.caseOf(request.requestId());
        assertThat(decided.getString("escalatedAt")).isNull();
        assertThat(decided.getString("breachedAt")).isNull();
        assertThat(decided.getString("priority")).isEqualTo("NORMAL");
        assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                .isEmpty();
    }

    /** Moves the clock and waits for a complete SLA round that started after the move. */
    private void moveTo(Instant at) {
        clock.jumpTo(at);
        SlaRounds.awaitRoundStartedAfterNow(metrics);
    }

    private static JsonPath awaitCase(ClearRequested request, java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Api.caseOf(request.requestId()), condition);
    }
}
