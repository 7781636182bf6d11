package io.clearname.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.Reason.Finality;
import io.clearname.events.ReasonCode;
import io.clearname.verification.entity.RuleOutcome;
import io.clearname.verification.service.AuditRules;
import io.clearname.verification.service.AuditRules.Facts;
import io.clearname.verification.service.AuditRules.Outcome;
import io.clearname.verification.service.AuditRules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules at and around each threshold, without Kafka or a database: they only see facts and counts. */
class AuditRulesTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-03-02T09:15:30Z");

    private final AuditRules rules = new AuditRules(new AuditRules.Thresholds(
            Set.of("LEGAL_HOLD", "UNDER_INVESTIGATION"),
            Duration.ofDays(365),
            2,
            3,
            Duration.ofHours(24),
            2,
            Duration.ofDays(7),
            Duration.ofDays(14)));

    /** A request no rule objects to; tests change one fact at a time. */
    private static Facts clean() {
        return new Facts(REQUESTED_AT, List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 1, 0);
    }

    private static Facts with(
            List<String> restrictions, Instant verifiedAt, Instant securityChangeAt, long requests, long clearings) {
        return new Facts(REQUESTED_AT, restrictions, verifiedAt, securityChangeAt, requests, clearings);
    }

    private static RuleOutcome outcomeOf(AuditRules.Evaluation evaluation, Rule rule) {
        return evaluation.verdicts().stream()
                .filter(v -> v.rule() == rule)
                .findFirst()
                .orElseThrow()
                .outcome();
    }

    @Test
    void requestNoRuleObjectsToIsApprovedWithEveryRuleResultKept() {
        var evaluation = rules.evaluate(clean());

        assertThat(evaluation.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(evaluation.reasons()).isEmpty();
        assertThat(evaluation.verdicts()).extracting(AuditRules.Verdict::rule).containsExactly(Rule.values());
        assertThat(evaluation.verdicts()).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(RuleOutcome.PASS);
            assertThat(v.detail()).isNotBlank();
            assertThat(v.thresholds()).isNotBlank();
        });
    }

    @Test
    void legalHoldOrInvestigationRejectsForGood() {
        Facts base = clean();
        for (String restriction : List.of("LEGAL_HOLD", "UNDER_INVESTIGATION")) {
            var evaluation = rules.evaluate(with(
                    List.of(restriction),
                    base.realNameVerifiedAt(),
                    null,
                    base.requestsInWindow(),
                    base.clearingsOfIdentity()));

            assertThat(evaluation.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(evaluation.reasons()).containsExactly(ReasonCode.ACCOUNT_RESTRICTED);
            assertThat(ReasonCode.ACCOUNT_RESTRICTED.finality()).isEqualTo(Finality.FINAL);
        }
    }

    @Test
    void restrictionOutsideTheRejectingListGoesToReview() {
        var evaluation =
                rules.evaluate(with(List.of("PAYMENT_DISPUTE"), REQUESTED_AT.minus(Duration.ofDays(400)), null, 1, 0));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(evaluation.reviewFor()).containsExactly(Rule.ACCOUNT_RESTRICTED);
    }

    @Test
    void identityClearedOnceBeforePasses() {
        var evaluation = rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 1, 1));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void identityClearedExactlyTwiceBeforeGoesToReview() {
        var evaluation = rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 1, 2));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(outcomeOf(evaluation, Rule.REPEATED_CLEARING)).isEqualTo(RuleOutcome.REVIEW);
    }

    @Test
    void identityClearedThreeTimesOrMoreIsRejectedForGood() {
        for (long clearings : List.of(3L, 4L)) {
            var evaluation =
                    rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 1, clearings));

            assertThat(evaluation.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(evaluation.reasons()).containsExactly(ReasonCode.REPEATED_CLEARING);
            assertThat(evaluation.verdicts().get(1).finality()).isEqualTo(Finality.FINAL);
        }
    }

    @Test
    void secondRequestWithin24HoursPassesAndTheThirdIsRejectedForRetry() {
        var second = rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 2, 0));
        var third = rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(400)), null, 3, 0));

        assertThat(second.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(third.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(third.reasons()).containsExactly(ReasonCode.VELOCITY);
        assertThat(outcomeOf(third, Rule.VELOCITY)).isEqualTo(RuleOutcome.REJECT);
        assertThat(ReasonCode.VELOCITY.finality()).isEqualTo(Finality.RETRY);
    }

    @Test
    void realNameVerifiedLessThanSevenDaysAgoGoesToReview() {
        Instant justUnder = REQUESTED_AT.minus(Duration.ofDays(7)).plusSeconds(1);
        Instant exactly = REQUESTED_AT.minus(Duration.ofDays(7));

        assertThat(rules.evaluate(with(List.of(), justUnder, null, 1, 0)).outcome())
                .isEqualTo(Outcome.REVIEW);
        assertThat(rules.evaluate(with(List.of(), exactly, null, 1, 0)).outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(rules.evaluate(with(List.of(), exactly.minusSeconds(1), null, 1, 0))
                        .outcome())
                .isEqualTo(Outcome.APPROVED);
    }

    @Test
    void unknownVerificationDateGoesToReview() {
        var evaluation = rules.evaluate(with(List.of(), null, null, 1, 0));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(evaluation.reviewFor()).containsExactly(Rule.RECENT_VERIFICATION);
    }

    @Test
    void securityChangeLessThanFourteenDaysAgoGoesToReview() {
        Instant verified = REQUESTED_AT.minus(Duration.ofDays(400));
        Instant justUnder = REQUESTED_AT.minus(Duration.ofDays(14)).plusSeconds(1);
        Instant exactly = REQUESTED_AT.minus(Duration.ofDays(14));

        var recent = rules.evaluate(with(List.of(), verified, justUnder, 1, 0));
        assertThat(recent.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(recent.reviewFor()).containsExactly(Rule.RECENT_SECURITY_CHANGE);
        assertThat(rules.evaluate(with(List.of(), verified, exactly, 1, 0)).outcome())
                .isEqualTo(Outcome.APPROVED);
        assertThat(rules.evaluate(with(List.of(), verified, exactly.minusSeconds(1), 1, 0))
                        .outcome())
                .isEqualTo(Outcome.APPROVED);
    }

    @Test
    void finalRejectionOutranksRetryAndCarriesOnlyFinalReasons() {
        var evaluation =
                rules.evaluate(with(List.of("LEGAL_HOLD"), REQUESTED_AT.minus(Duration.ofDays(1)), null, 5, 3));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(evaluation.reasons()).containsExactly(ReasonCode.ACCOUNT_RESTRICTED, ReasonCode.REPEATED_CLEARING);
        assertThat(outcomeOf(evaluation, Rule.VELOCITY)).isEqualTo(RuleOutcome.REJECT);
        assertThat(outcomeOf(evaluation, Rule.RECENT_VERIFICATION)).isEqualTo(RuleOutcome.REVIEW);
    }

    @Test
    void retryRejectionOutranksReview() {
        var evaluation = rules.evaluate(with(List.of(), REQUESTED_AT.minus(Duration.ofDays(1)), null, 3, 2));

        assertThat(evaluation.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(evaluation.reasons()).containsExactly(ReasonCode.VELOCITY);
        assertThat(evaluation.reviewFor()).containsExactly(Rule.REPEATED_CLEARING, Rule.RECENT_VERIFICATION);
    }

    @Test
    void resultsNameTheThresholdsTheyApplied() {
        var verdicts = rules.evaluate(clean()).verdicts();

        assertThat(verdicts.get(1).thresholds()).isEqualTo("review at 2, reject at 3 or more, within 365d");
        assertThat(verdicts.get(2).thresholds()).isEqualTo("more than 2 within 24h");
        assertThat(verdicts.get(3).thresholds()).contains("less than 7d");
        assertThat(verdicts.get(4).thresholds()).contains("less than 14d");
    }
}
