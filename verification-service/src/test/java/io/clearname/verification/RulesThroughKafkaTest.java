package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventType;
import io.clearname.events.Reason;
import io.clearname.events.Topics;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Each rule end to end: ClearRequested in, the case and its AuditCompleted (or the review queue) out. */
@QuarkusTest
class RulesThroughKafkaTest {

    @Test
    void cleanRequestIsApprovedWithEveryRuleResultKept() {
        ClearRequested request = Events.request(UUID.randomUUID()).publish();

        AuditCompleted decision = awaitDecision(request);
        assertThat(decision.decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
        assertThat(decision.decidedBy()).isEqualTo(AuditCompleted.AUTO);
        JsonPath auditCase = Api.caseOf(request.requestId());
        assertThat(auditCase.getList("ruleResults.rule"))
                .containsExactly(
                        "ACCOUNT_RESTRICTED",
                        "REPEATED_CLEARING",
                        "VELOCITY",
                        "RECENT_VERIFICATION",
                        "RECENT_SECURITY_CHANGE");
        assertThat(auditCase.getList("ruleResults.outcome")).containsOnly("PASS");
        assertThat(auditCase.getList("ruleResults.thresholds", String.class)).allMatch(t -> !t.isBlank());
    }

    @Test
    void restrictedAccountIsRejectedForGood() {
        ClearRequested request =
                Events.request(UUID.randomUUID()).restrictions("LEGAL_HOLD").publish();

        AuditCompleted decision = awaitDecision(request);
        assertThat(decision.decision()).isEqualTo(AuditCompleted.Decision.REJECTED);
        assertThat(decision.reasons()).containsExactly(new Reason("ACCOUNT_RESTRICTED", Reason.Finality.FINAL));
        assertThat(decision.userMessage()).contains("legal hold").contains("complaint");
    }

    @Test
    void thirdRequestOfAnAccountWithin24HoursIsRejectedForRetry() {
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        awaitDecision(Events.request(account)
                .requestedAt(now.minus(Duration.ofHours(24)).plusSeconds(60))
                .publish());
        awaitDecision(Events.request(account)
                .requestedAt(now.minus(Duration.ofHours(1)))
                .publish());

        AuditCompleted third =
                awaitDecision(Events.request(account).requestedAt(now).publish());

        assertThat(third.decision()).isEqualTo(AuditCompleted.Decision.REJECTED);
        assertThat(third.reasons()).containsExactly(new Reason("VELOCITY", Reason.Finality.RETRY));
    }

    @Test
    void requestExactly24HoursOldNoLongerCountsForVelocity() {
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        awaitDecision(Events.request(account)
                .requestedAt(now.minus(Duration.ofHours(24)))
                .publish());
        awaitDecision(Events.request(account)
                .requestedAt(now.minus(Duration.ofHours(1)))
                .publish());

        AuditCompleted third =
                awaitDecision(Events.request(account).requestedAt(now).publish());

        assertThat(third.decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
    }

    @Test
    void recentVerificationGoesToReviewWithoutADecision() {
        Instant now = Instant.now();
        ClearRequested request = Events.request(UUID.randomUUID())
                .requestedAt(now)
                .verifiedAt(now.minus(Duration.ofDays(7)).plusSeconds(60))
                .publish();

        JsonPath auditCase = Api.awaitCase(request.requestId(), "IN_REVIEW");
        assertThat(auditCase.getString("ruleResults.find { it.rule == 'RECENT_VERIFICATION' }.outcome"))
                .isEqualTo("REVIEW");
        assertThat(auditCase.getString("decision")).isNull();
        assertThat(EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()))
                .isEmpty();
    }

    @Test
    void verificationSevenDaysOldPasses() {
        Instant now = Instant.now();
        ClearRequested request = Events.request(UUID.randomUUID())
                .requestedAt(now)
                .verifiedAt(now.minus(Duration.ofDays(7)))
                .publish();

        assertThat(awaitDecision(request).decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
    }

    @Test
    void recentSecurityChangeGoesToReview() {
        Instant now = Instant.now();
        ClearRequested request = Events.request(UUID.randomUUID())
                .requestedAt(now)
                .securityChangeAt(now.minus(Duration.ofDays(14)).plusSeconds(60))
                .publish();

        JsonPath auditCase = Api.awaitCase(request.requestId(), "IN_REVIEW");
        assertThat(auditCase.getString("ruleResults.find { it.rule == 'RECENT_SECURITY_CHANGE' }.outcome"))
                .isEqualTo("REVIEW");
        assertThat(auditCase.getString("priority")).isEqualTo("NORMAL");
        assertThat(auditCase.getString("dueAt")).isNotNull();
    }

    @Test
    void securityChangeFourteenDaysOldPasses() {
        Instant now = Instant.now();
        ClearRequested request = Events.request(UUID.randomUUID())
                .requestedAt(now)
                .securityChangeAt(now.minus(Duration.ofDays(14)))
                .publish();

        assertThat(awaitDecision(request).decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
    }

    @Test
    void identityClearedTwiceWithinAYearGoesToReview() {
        String identity = ClearRequestedBuilder.randomFingerprint();
        Instant now = Instant.now();
        clearedBefore(identity, now.minus(Duration.ofDays(365)).plusSeconds(60));
        ClearRequested twice = clearedBefore(identity, now.minus(Duration.ofDays(30)));
        // A repeated CLEARED of the same request (new event id) counts once. The withdrawal of another case of the
        // same account comes after it on the same partition, so once that case is closed the repeat was applied.
        ClearRequested marker = Events.request(twice.accountId()).forReview().publish();
        Api.awaitCase(marker.requestId(), "IN_REVIEW");
        EventRecords.publish(
                Events.concluded(twice, ClearingConcluded.Outcome.CLEARED, now.minus(Duration.ofDays(30))));
        EventRecords.publish(Events.concluded(marker, ClearingConcluded.Outcome.WITHDRAWN, now));
        Api.awaitCase(marker.requestId(), "WITHDRAWN");

        ClearRequested request = Events.request(UUID.randomUUID())
                .fingerprint(identity)
                .requestedAt(now)
                .publish();

        JsonPath auditCase = Api.awaitCase(request.requestId(), "IN_REVIEW");
        assertThat(auditCase.getString("ruleResults.find { it.rule == 'REPEATED_CLEARING' }.detail"))
                .startsWith("2 earlier clearing(s)");
    }

    @Test
    void identityClearedThreeTimesWithinAYearIsRejectedForGood() {
        String identity = ClearRequestedBuilder.randomFingerprint();
        Instant now = Instant.now();
        clearedBefore(identity, now.minus(Duration.ofDays(365)).plusSeconds(60));
        clearedBefore(identity, now.minus(Duration.ofDays(100)));
        clearedBefore(identity, now.minus(Duration.ofDays(1)));

        AuditCompleted decision = awaitDecision(Events.request(UUID.randomUUID())
                .fingerprint(identity)
                .requestedAt(now)
                .publish());

        assertThat(decision.decision()).isEqualTo(AuditCompleted.Decision.REJECTED);
        assertThat(decision.reasons()).containsExactly(new Reason("REPEATED_CLEARING", Reason.Finality.FINAL));
    }

    @Test
    void clearingsAYearOldOrMoreDoNotCount() {
        String identity = ClearRequestedBuilder.randomFingerprint();
        Instant now = Instant.now();
        clearedBefore(identity, now.minus(Duration.ofDays(365)));
        clearedBefore(identity, now.minus(Duration.ofDays(500)));
        clearedBefore(identity, now.minus(Duration.ofDays(1)));

        AuditCompleted decision = awaitDecision(Events.request(UUID.randomUUID())
                .fingerprint(identity)
                .requestedAt(now)
                .publish());

        assertThat(decision.decision()).isEqualTo(AuditCompleted.Decision.APPROVED);
    }

    /**
     * An earlier request of the identity, cleared at {@code clearedAt}, in the history. (How its audit went does not
     * matter here: the history takes the fingerprint from the case.)
     */
    private static ClearRequested clearedBefore(String identity, Instant clearedAt) {
        ClearRequested earlier = Events.request(UUID.randomUUID())
                .fingerprint(identity)
                .requestedAt(clearedAt.minus(Duration.ofDays(1)))
                .publish();
        Api.awaitCaseExists(earlier.requestId());
        EventRecords.publish(Events.concluded(earlier, ClearingConcluded.Outcome.CLEARED, clearedAt));
        // The history row is written with the CLEARED action; wait for it, since the topics are not ordered together.
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Api.caseOf(earlier.requestId()).getList("actions.type"),
                        types -> types.contains("CLEARED"));
        return earlier;
    }

    /** The one AuditCompleted of a request, checked against its schema. */
    static AuditCompleted awaitDecision(ClearRequested request) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> EventRecords.about(Topics.AUDIT_COMPLETED, request.requestId()), r -> !r.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.problems(
                        EventType.AUDIT_COMPLETED, records.get(0).value()))
                .isEmpty();
        assertThat(records.get(0).key()).isEqualTo(request.accountId().toString());
        return EventRecords.read(records.get(0), AuditCompleted.class);
    }
}
