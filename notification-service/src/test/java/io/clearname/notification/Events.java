package io.clearname.notification;

import io.clearname.events.AppealDecided;
import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingApproved;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ComplaintAnswered;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.Reason;
import io.clearname.events.ReviewStarted;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Input events as account-service and verification-service would build them, and the UserNotified published. Publish
 * and read them with {@link EventRecords}.
 */
final class Events {
    private Events() {}

    /** A fresh address per test: the mailbox is shared by every test of the JVM. */
    static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A fresh mobile number per test: the SMS stand-in is shared too. */
    static String uniquePhone() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static ClearRequested clearRequested(UUID accountId, String email, String locale) {
        return clearRequested(accountId, email, uniquePhone(), locale);
    }

    static ClearRequested clearRequested(UUID accountId, String email, String phone, String locale) {
        return ClearRequestedBuilder.forAccount(accountId)
                .contact(phone, email)
                .locale(locale)
                .build();
    }

    static ClearingConcluded concluded(ClearRequested request, ClearingConcluded.Outcome outcome) {
        return new ClearingConcluded(
                request.requestId(), request.accountId(), outcome, List.of(), List.of(), Instant.now());
    }

    static ClearingConcluded cleared(ClearRequested request, List<String> revokedEntitlements) {
        return new ClearingConcluded(
                request.requestId(),
                request.accountId(),
                ClearingConcluded.Outcome.CLEARED,
                List.of(),
                revokedEntitlements,
                Instant.now());
    }

    static ClearingConcluded rejected(ClearRequested request, List<Reason> reasons) {
        return new ClearingConcluded(
                request.requestId(),
                request.accountId(),
                ClearingConcluded.Outcome.REJECTED,
                reasons,
                List.of(),
                Instant.now());
    }

    static ComplaintReceived complaintReceived(ClearRequested request, Instant expectedDecisionBy) {
        return new ComplaintReceived(
                UUID.randomUUID(), request.requestId(), request.accountId(), Instant.now(), expectedDecisionBy);
    }

    static AuditDelayed auditDelayed(ClearRequested request, Instant expectedDecisionBy) {
        return new AuditDelayed(request.requestId(), request.accountId(), expectedDecisionBy, Instant.now());
    }

    static ComplaintReceived complaintReceived(ClearRequested request, Instant expectedDecisionBy, String kind) {
        return new ComplaintReceived(
                UUID.randomUUID(), request.requestId(), request.accountId(), Instant.now(), expectedDecisionBy, kind);
    }

    static ClearingApproved approved(ClearRequested request, Instant at, Instant coolingOffEndsAt) {
        return new ClearingApproved(request.requestId(), request.accountId(), at, coolingOffEndsAt);
    }

    static ReviewStarted reviewStarted(ClearRequested request, Instant at, Instant expectedDecisionBy) {
        return new ReviewStarted(request.requestId(), request.accountId(), at, expectedDecisionBy);
    }

    static ComplaintAnswered complaintAnswered(ClearRequested request, Instant at, String answer) {
        return new ComplaintAnswered(UUID.randomUUID(), request.requestId(), request.accountId(), at, answer);
    }

    static AppealDecided appealUpheld(ClearRequested request, Instant at, List<Reason> reasons) {
        return new AppealDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                request.requestId(),
                request.accountId(),
                AppealDecided.Outcome.UPHELD,
                reasons,
                null,
                at,
                null);
    }

    static AppealDecided appealOverturned(
            ClearRequested request, Instant at, List<Reason> reasons, String message, Instant windowEndsAt) {
        return new AppealDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                request.requestId(),
                request.accountId(),
                AppealDecided.Outcome.OVERTURNED,
                reasons,
                message,
                at,
                windowEndsAt);
    }

    /** The UserNotified events of a request answering one trigger event. */
    static List<UserNotified> userNotified(UUID requestId, String triggerEventId) {
        return EventRecords.published(UserNotified.class, requestId).stream()
                .filter(n -> triggerEventId.equals(n.triggerEventId()))
                .toList();
    }

    /** Waits until the request's notices for {@code triggerEventId} ended on both channels; returns them. */
    static List<UserNotified> awaitBothChannels(UUID requestId, String triggerEventId) {
        return org.awaitility.Awaitility.await("UserNotified on both channels for trigger " + triggerEventId)
                .atMost(Duration.ofSeconds(30))
                .until(() -> userNotified(requestId, triggerEventId), n -> n.size() >= 2);
    }

    static UserNotified on(List<UserNotified> notices, UserNotified.Channel channel) {
        return notices.stream()
                .filter(n -> n.channel() == channel)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " notice in " + notices));
    }
}
