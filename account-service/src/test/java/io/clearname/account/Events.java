package io.clearname.account;

import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.Reason;
import io.clearname.events.UserNotified;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays the other services: publishes their events, and reads what account-service published. */
final class Events {
    private Events() {}

    static String publish(ClearnameEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    static void publish(ClearnameEvent event, String ceId) {
        EventType type = EventType.of(event.getClass());
        RecordSender.send(
                KafkaTestResource.bootstrapServers(),
                type.topic(),
                event.accountId().toString(),
                EventJson.write(event),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        ceId,
                        "ce_type",
                        type.ceType(),
                        "ce_source",
                        "test",
                        "ce_subject",
                        event.requestId().toString()));
    }

    static AuditCompleted approved(UUID account, UUID request) {
        return new AuditCompleted(
                request, account, AuditCompleted.Decision.APPROVED, List.of(), "Approved.", "AUTO", Instant.now());
    }

    static AuditCompleted rejected(UUID account, UUID request) {
        return new AuditCompleted(
                request,
                account,
                AuditCompleted.Decision.REJECTED,
                List.of(new Reason("ACCOUNT_RESTRICTED", Reason.Finality.FINAL)),
                "The account is under a legal hold.",
                "reviewer-7",
                Instant.now());
    }

    static UserNotified notified(UUID account, UUID request) {
        return new UserNotified(
                UUID.randomUUID(),
                request,
                account,
                UUID.randomUUID().toString(),
                UserNotified.Channel.EMAIL,
                UserNotified.Status.DELIVERED,
                1,
                Instant.now());
    }

    /** Records on {@code topic} about {@code request}, by CloudEvents subject. */
    static List<ConsumerRecord<String, String>> on(String topic, UUID request) {
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), topic).stream()
                .filter(r -> r.headers().lastHeader("ce_subject") != null
                        && request.toString()
                                .equals(new String(
                                        r.headers().lastHeader("ce_subject").value())))
                .toList();
    }
}
