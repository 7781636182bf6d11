package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearingConcluded.Outcome;
import io.clearname.events.Topics;
import io.clearname.local.testing.EventRecords;
import io.clearname.verification.messaging.Channels;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ClearRequested and ClearingConcluded travel on different topics, so verification-service may receive them in
 * either order (docs/event-ordering.md). Each outcome is delivered both ways; a request that concluded before it
 * arrived is never audited, answered, queued or escalated.
 */
@QuarkusTest
class EventOrderTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ControlledClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void aConclusionBeforeItsRequestOpensTheCaseClosedWithoutRulesDecisionOrSla(Outcome outcome) throws SQLException {
        // The rules would approve this request at once: an AuditCompleted would show that it was audited.
        ClearRequested request = Events.request(UUID.randomUUID()).build();
        String concludedId = EventRecords.publish(Events.concluded(request, outcome, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> earlyConclusion(request.requestId()), outcome.name()::equals);
        // Delivered again, and published again under a new id, while the request is still on its way: kept once.
        EventRecords.publish(Events.concluded(request, outcome, Instant.now()), concludedId);
        String againId = EventRecords.publish(Events.concluded(request, outcome, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(Channels.CLEARING_CONCLUDED, againId));

        EventRecords.publish(request);

        JsonPath closed = Api.awaitCase(request.requestId(), closedState(outcome));
        assertThat(closed.getList("ruleResults")).isEmpty();
        assertThat(closed.getString("decision")).isNull();
        assertThat(closed.getString("closedAt")).isNotNull();
        assertThat(closed.getList("actions.type", String.class)).containsExactlyElementsOf(actionsOnOpening(outcome));
        assertThat(earlyConclusion(request.requestId()))
                .as("kept until its request came")
                .isNull();
        assertThat(clearedIdentity(request.requestId())).isEqualTo(outcome == Outcome.CLEARED);
        Api.as(request.accountId())
                .get("/api/v1/me/clearing-requests/" + request.requestId() + "/audit")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.is(closedState(outcome)));

        // Redelivered afterwards, the two events change nothing; past its due date the case is never escalated.
        EventRecords.publish(request);
        EventRecords.publish(Events.concluded(request, outcome, Instant.now()));
        WithdrawalTest.awaitPartitionPassed(request.accountId());
        moveTo(Instant.parse(closed.getString("dueAt")).plus(Duration.ofDays(1)));
        JsonPath later = Api.caseOf(request.requestId());
        assertThat(later.getString("state")).isEqualTo(closedState(outcome));
        assertThat(later.getList("actions.type", String.class)).containsExactlyElementsOf(actionsOnOpening(outcome));
        assertThat(later.getString("escalatedAt")).isNull();
        assertThat(later.getString("breachedAt")).isNull();
        Outbox.awaitDrained(db, request.accountId());
        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .isEmpty();
        assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void aConclusionAfterItsRequestAppliesToTheAuditedCase(Outcome outcome) throws SQLException {
        // How each outcome comes about: a withdrawal of a case in review, a clearing after an approval, a rejection.
        var builder = Events.request(UUID.randomUUID());
        ClearRequested request = switch (outcome) {
            case WITHDRAWN -> builder.forReview().publish();
            case CLEARED -> builder.publish();
            case REJECTED -> builder.restrictions("LEGAL_HOLD").publish();
        };
        JsonPath opened = Api.awaitCase(request.requestId(), outcome == Outcome.WITHDRAWN ? "IN_REVIEW" : "DECIDED");
        assertThat(opened.getList("ruleResults")).hasSize(5);

        EventRecords.publish(Events.concluded(request, outcome, Instant.now()));

        WithdrawalTest.awaitPartitionPassed(request.accountId());
        JsonPath concluded = Api.caseOf(request.requestId());
        assertThat(concluded.getString("state")).isEqualTo(outcome == Outcome.WITHDRAWN ? "WITHDRAWN" : "DECIDED");
        assertThat(concluded.getList("actions.type", String.class))
                .containsExactlyElementsOf(
                        switch (outcome) {
                            case WITHDRAWN -> List.of("OPENED", "WITHDRAWN");
                            case CLEARED -> List.of("OPENED", "DECIDED", "CLEARED");
                            case REJECTED -> List.of("OPENED", "DECIDED");
                        });
        assertThat(clearedIdentity(request.requestId())).isEqualTo(outcome == Outcome.CLEARED);
        assertThat(earlyConclusion(request.requestId())).isNull();
        moveTo(Instant.parse(opened.getString("dueAt")).plus(Duration.ofDays(1)));
        assertThat(Api.caseOf(request.requestId()).getString("breachedAt")).isNull();
        Outbox.awaitDrained(db, request.accountId());
        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .hasSize(outcome == Outcome.WITHDRAWN ? 0 : 1);
        assertThat(EventRecords.about(Topics.AUDIT_DELAYED, request.requestId()))
                .isEmpty();
    }

    @Test
    void requestsAndWithdrawalsArrivingTogetherAllEndWithdrawnAndUnanswered() throws SQLException {
        // Published back to back, the two consumers apply them at the same moment in either order.
        List<ClearRequested> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ClearRequested request =
                    Events.request(UUID.randomUUID()).forReview().build();
            ClearingConcluded withdrawn = Events.concluded(request, Outcome.WITHDRAWN, Instant.now());
            if (i % 2 == 0) {
                EventRecords.publish(request);
                EventRecords.publish(withdrawn);
            } else {
                EventRecords.publish(withdrawn);
                EventRecords.publish(request);
            }
            requests.add(request);
        }

        for (ClearRequested request : requests) {
            Api.awaitCase(request.requestId(), "WITHDRAWN");
            assertThat(earlyConclusion(request.requestId())).isNull();
        }
        for (ClearRequested request : requests) {
            Outbox.awaitDrained(db, request.accountId());
            assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                    .isEmpty();
        }
    }

    private static String closedState(Outcome outcome) {
        return outcome == Outcome.WITHDRAWN ? "WITHDRAWN" : "CONCLUDED";
    }

    private static List<String> actionsOnOpening(Outcome outcome) {
        return switch (outcome) {
            case WITHDRAWN -> List.of("OPENED", "WITHDRAWN");
            case CLEARED -> List.of("OPENED", "CLEARED");
            case REJECTED -> List.of("OPENED");
        };
    }

    /** Moves the clock and waits for a complete SLA round that started after the move. */
    private void moveTo(Instant at) {
        clock.jumpTo(at);
        SlaRounds.awaitRoundStartedAfterNow(metrics);
    }

    /** The outcome of the conclusion kept for a request that has not arrived, or null. */
    private String earlyConclusion(UUID requestId) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("SELECT outcome FROM early_conclusion WHERE request_id = ?")) {
            query.setObject(1, requestId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private boolean clearedIdentity(UUID requestId) throws SQLException {
        return exists("SELECT 1 FROM cleared_identity WHERE request_id = ?", requestId);
    }

    /** Whether the consumer of {@code channel} has applied the event (the inbox has its id). */
    private boolean applied(String channel, String eventId) throws SQLException {
        try (var connection = db.getConnection();
                var query =
                        connection.prepareStatement("SELECT 1 FROM inbox_event WHERE consumer = ? AND event_id = ?")) {
            query.setString(1, channel);
            query.setString(2, eventId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean exists(String sql, UUID requestId) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setObject(1, requestId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
