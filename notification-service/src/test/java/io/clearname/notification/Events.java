package io.clearname.notification;

import io.clearname.events.Acknowledgement;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Topics;
import io.clearname.events.UserNotified;
import io.clearname.kit.messaging.CloudEventHeaders;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Input events as account-service would publish them, and the UserNotified events this service publishes. */
final class Events {
    private Events() {}

    /** A fresh address per test: the mailbox is shared by every test of the JVM. */
    static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static ClearRequested clearRequested(UUID accountId, String email, String locale) {
        return new ClearRequested(
                UUID.randomUUID(),
                accountId,
                Instant.now(),
                locale,
                new ClearRequested.Contact("+8613800000000", email),
                new ClearRequested.AuditSnapshot(
                        Instant.parse("2020-01-01T00:00:00Z"), 2000, null, null, List.of(), "ab"),
                List.of(Acknowledgement.values()));
    }

    static ClearingConcluded concluded(ClearRequested request, ClearingConcluded.Outcome outcome) {
        return new ClearingConcluded(
                request.requestId(), request.accountId(), outcome, List.of(), List.of(), Instant.now());
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
}
