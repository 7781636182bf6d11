package io.clearname.verification.service;

import static io.clearname.verification.service.DurationText.age;
import static io.clearname.verification.service.DurationText.span;

import io.clearname.events.Reason.Finality;
import io.clearname.events.ReasonCode;
import io.clearname.verification.config.AuditConfig;
import io.clearname.verification.entity.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit rules. Every rule runs on every request and each result is kept; then any FINAL rejection rejects (with
 * the FINAL reasons only, since a retry would fail the same way), else any RETRY rejection rejects, else any REVIEW
 * sends the case to a reviewer, else the request is approved.
 *
 * <p>The rules are a pure function of the request's snapshot and two counts from this service's history, taken as of
 * the request's {@code requestedAt}: a redelivered request is judged the same way. Windows are half-open, {@code
 * (requestedAt - window, requestedAt]}; ages compare strictly ("less than 7 days" means an age of exactly 7 days
 * passes).
 */
public final class AuditRules {

    /** The rules, named after the reason code each gives. */
    public enum Rule {
        ACCOUNT_RESTRICTED,
        REPEATED_CLEARING,
        VELOCITY,
        RECENT_VERIFICATION,
        RECENT_SECURITY_CHANGE;

        public ReasonCode reasonCode() {
            return ReasonCode.valueOf(name());
        }
    }

    /** The thresholds, from {@link AuditConfig}. */
    public record Thresholds(
            Set<String> rejectingRestrictions,
            Duration repeatedClearingWindow,
            int repeatedClearingReviewAt,
            int repeatedClearingRejectAt,
            Duration velocityWindow,
            int velocityMaxRequests,
            Duration recentVerificationWithin,
            Duration recentSecurityChangeWithin) {

        public static Thresholds of(AuditConfig config) {
            return new Thresholds(
                    Set.copyOf(config.restrictions().reject()),
                    config.repeatedClearing().window(),
                    config.repeatedClearing().reviewAt(),
                    config.repeatedClearing().rejectAt(),
                    config.velocity().window(),
                    config.velocity().maxRequests(),
                    config.recentVerification().within(),
                    config.recentSecurityChange().within());
        }
    }

    /**
     * What the rules look at.
     *
     * @param requestsInWindow requests of the account in the velocity window, this one included
     * @param clearingsOfIdentity earlier clearings of the same fingerprint in the repeated-clearing window
     */
    public record Facts(
            Instant requestedAt,
            List<String> restrictions,
            Instant realNameVerifiedAt,
            Instant lastSecurityChangeAt,
            long requestsInWindow,
            long clearingsOfIdentity) {}

    /** One rule's result; {@code detail} and {@code thresholds} hold no personal data. */
    public record Verdict(Rule rule, RuleOutcome outcome, Finality finality, String detail, String thresholds) {}

    public enum Outcome {
        APPROVED,
        REJECTED,
        REVIEW
    }

    /**
     * @param reasons the reason codes of a rejection (empty otherwise)
     * @param reviewFor the rules that asked for a review (whatever the outcome)
     */
    public record Evaluation(Outcome outcome, List<ReasonCode> reasons, List<Rule> reviewFor, List<Verdict> verdicts) {}

    private final Thresholds thresholds;

    public AuditRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Evaluation evaluate(Facts facts) {
        List<Verdict> verdicts = List.of(
                restricted(facts),
                repeatedClearing(facts),
                velocity(facts),
                recentVerification(facts),
                recentSecurityChange(facts));
        return decide(verdicts);
    }

    private static Evaluation decide(List<Verdict> verdicts) {
        List<ReasonCode> finalReasons = reasons(verdicts, Finality.FINAL);
        List<ReasonCode> retryReasons = reasons(verdicts, Finality.RETRY);
        List<Rule> review = verdicts.stream()
                .filter(v -> v.outcome() == RuleOutcome.REVIEW)
                .map(Verdict::rule)
                .toList();
        if (!finalReasons.isEmpty()) {
            return new Evaluation(Outcome.REJECTED, finalReasons, review, verdicts);
        }
        if (!retryReasons.isEmpty()) {
            return new Evaluation(Outcome.REJECTED, retryReasons, review, verdicts);
        }
        if (!review.isEmpty()) {
            return new Evaluation(Outcome.REVIEW, List.of(), review, verdicts);
        }
        return new Evaluation(Outcome.APPROVED, List.of(), review, verdicts);
    }

    /**
     * The evaluation with the rejections of {@code rules} set aside (an overturned appeal): each becomes a PASS whose
     * detail says why, and the outcome is decided again from the remaining verdicts.
     */
    public Evaluation setAside(Evaluation evaluation, Set<Rule> rules, String why) {
        if (rules.isEmpty()) {
            return evaluation;
        }
        List<Verdict> verdicts = evaluation.verdicts().stream()
                .map(v -> v.outcome() == RuleOutcome.REJECT && rules.contains(v.rule())
                        ? new Verdict(v.rule(), RuleOutcome.PASS, null, cut(v.detail() + "; " + why), v.thresholds())
                        : v)
                .toList();
        return decide(verdicts);
    }

    private static String cut(String text) {
        return text.length() <= 255 ? text : text.substring(0, 255);
    }

    private static List<ReasonCode> reasons(List<Verdict> verdicts, Finality finality) {
        return verdicts.stream()
                .filter(v -> v.outcome() == RuleOutcome.REJECT && v.finality() == finality)
                .map(v -> v.rule().reasonCode())
                .toList();
    }

    private Verdict restricted(Facts facts) {
        String applied = "rejects " + String.join(", ", new TreeSet<>(thresholds.rejectingRestrictions()))
                + "; any other restriction goes to review";
        List<String> restrictions = facts.restrictions() == null
                ? List.of()
                : facts.restrictions().stream().map(RestrictionCodes::code).toList();
        if (restrictions.isEmpty()) {
            return pass(Rule.ACCOUNT_RESTRICTED, "no restriction", applied);
        }
        List<String> rejecting = restrictions.stream()
                .filter(thresholds.rejectingRestrictions()::contains)
                .toList();
        if (!rejecting.isEmpty()) {
            return reject(Rule.ACCOUNT_RESTRICTED, "restricted: " + String.join(", ", rejecting), applied);
        }
        return review(
                Rule.ACCOUNT_RESTRICTED,
                "restriction a reviewer must judge: " + String.join(", ", restrictions),
                applied);
    }

    private Verdict repeatedClearing(Facts facts) {
        long n = facts.clearingsOfIdentity();
        String applied = "review at " + thresholds.repeatedClearingReviewAt() + ", reject at "
                + thresholds.repeatedClearingRejectAt() + " or more, within "
                + span(thresholds.repeatedClearingWindow());
        String detail = n + " earlier clearing(s) of this identity within the window";
        if (n >= thresholds.repeatedClearingRejectAt()) {
            return reject(Rule.REPEATED_CLEARING, detail, applied);
        }
        if (n >= thresholds.repeatedClearingReviewAt()) {
            return review(Rule.REPEATED_CLEARING, detail, applied);
        }
        return pass(Rule.REPEATED_CLEARING, detail, applied);
    }

    private Verdict velocity(Facts facts) {
        long n = facts.requestsInWindow();
        String applied =
                "more than " + thresholds.velocityMaxRequests() + " within " + span(thresholds.velocityWindow());
        String detail = n + " request(s) of the account within the window, this one included";
        if (n > thresholds.velocityMaxRequests()) {
            return reject(Rule.VELOCITY, detail, applied);
        }
        return pass(Rule.VELOCITY, detail, applied);
    }

    private Verdict recentVerification(Facts facts) {
        String applied = "review when verified less than " + span(thresholds.recentVerificationWithin()) + " before";
        if (facts.realNameVerifiedAt() == null) {
            return review(Rule.RECENT_VERIFICATION, "the verification date is unknown", applied);
        }
        Duration age = Duration.between(facts.realNameVerifiedAt(), facts.requestedAt());
        String detail = "verified " + age(age) + " before the request";
        if (age.compareTo(thresholds.recentVerificationWithin()) < 0) {
            return review(Rule.RECENT_VERIFICATION, detail, applied);
        }
        return pass(Rule.RECENT_VERIFICATION, detail, applied);
    }

    private Verdict recentSecurityChange(Facts facts) {
        String applied = "review when password, phone or email changed less than "
                + span(thresholds.recentSecurityChangeWithin()) + " before";
        if (facts.lastSecurityChangeAt() == null) {
            return pass(Rule.RECENT_SECURITY_CHANGE, "no security change recorded", applied);
        }
        Duration age = Duration.between(facts.lastSecurityChangeAt(), facts.requestedAt());
        String detail = "last security change " + age(age) + " before the request";
        if (age.compareTo(thresholds.recentSecurityChangeWithin()) < 0) {
            return review(Rule.RECENT_SECURITY_CHANGE, detail, applied);
        }
        return pass(Rule.RECENT_SECURITY_CHANGE, detail, applied);
    }

    private static Verdict pass(Rule rule, String detail, String applied) {
        return new Verdict(rule, RuleOutcome.PASS, null, detail, applied);
    }

    private static Verdict review(Rule rule, String detail, String applied) {
        return new Verdict(rule, RuleOutcome.REVIEW, null, detail, applied);
    }

    private static Verdict reject(Rule rule, String detail, String applied) {
        return new Verdict(rule, RuleOutcome.REJECT, rule.reasonCode().finality(), detail, applied);
    }
}
