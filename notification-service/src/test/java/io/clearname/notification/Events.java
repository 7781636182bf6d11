package io.clearname.notification;

import io.clearname.events.Acknowledgement;
import io.clearname.events.AuditDelayed;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.ComplaintReceived;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Reason;
import io.clearname.events.Topics;
import io.clearname.events.UserNotified;
import io.clearname.kit.messaging.CloudEventHeaders;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Input events as account-service and verification-service would publish them, and the UserNotified published. */
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
        return new ClearRequested(
                UUID.randomUUID(),
                accountId,
                Instant.now(),
                locale,
                new ClearRequested.Contact(phone, email),
                new ClearRequested.AuditSnapshot(
                        Instant.parse("2020-01-01T00:00:00Z"), 2000, null, null, List.of(), "ab"),
                List.of(Acknowledgement.values()));
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

    /** Publishes {@code event} keyed by its account, with {@code ceId} as its CloudEvents id. */
    static void publish(String ceId, ClearnameEvent event) {
        EventType type = EventType.of(event.getClass());
        try (var producer = new RecordSender(KafkaTestResource.bootstrapServers())) {
            producer.sendCloudEvent(
                    type.topic(), event.accountId().toString(), EventJson.write(event), ceId, type.ceType());
        }
    }

    /** Publishes {@code event} with a new CloudEvents id, which it returns. */
    static String publish(ClearnameEvent event) {
        String ceId = UUID.randomUUID().toString();
        publish(ceId, event);
        return ceId;
    }

    /** The UserNotified records published for a request so far (its ce_subject), as raw JSON. */
    static List<String> userNotifiedPayloads(UUID requestId) {
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), Topics.USER_NOTIFIED).stream()
                .filter(r -> requestId
                        .toString()
                        .equals(CloudEventHeaders.get(r.headers(), CloudEventHeaders.SUBJECT)
                                .orElse(null)))
                .map(r -> r.value())
                .toList();
    }

    static List<UserNotified> userNotified(UUID requestId) {
        return userNotifiedPayloads(requestId).stream()
                .map(json -> EventJson.read(json, UserNotified.class))
                .toList();
    }

    /** The UserNotified events of a request answering one trigger event. */
    static List<UserNotified> userNotified(UUID requestId, String triggerEventId) {
        return userNotified(requestId).stream()
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
