package io.clearname.local.testing;

import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The suite's events on the broker of {@link KafkaTestResource}, for tests that play another service: publishes an
 * event as its producer would (its topic, keyed by account, JSON, CloudEvents binary-mode headers with {@code ce_subject}
 * = the request id), and reads what a service published about a request.
 *
 * <pre>
 * String ceId = EventRecords.publish(approved);
 * await().until(() -&gt; EventRecords.published(ClearingConcluded.class, requestId), hasSize(1));
 * </pre>
 *
 * For records that no producer would send (poison, missing headers) use {@link RecordSender}.
 */
public final class EventRecords {
    /** The {@code ce_source} of every record published here. */
    public static final String SOURCE = "test";

    private EventRecords() {}

    /** Publishes {@code event} with a new CloudEvents id, which it returns. */
    public static String publish(ClearnameEvent event) {
        String ceId = UUID.randomUUID().toString();
        publish(event, ceId);
        return ceId;
    }

    /** Publishes {@code event} with {@code ceId} as its CloudEvents id: the same id twice is a redelivery. */
    public static void publish(ClearnameEvent event, String ceId) {
        EventType type = EventType.of(event.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", ceId);
        headers.put("ce_type", type.ceType());
        headers.put("ce_source", SOURCE);
        headers.put("ce_subject", event.requestId().toString());
        RecordSender.send(
                KafkaTestResource.bootstrapServers(),
                type.topic(),
                event.accountId().toString(),
                EventJson.write(event),
                headers);
    }

    /** The records on {@code topic} about {@code requestId} (their {@code ce_subject}), oldest first per partition. */
    public static List<ConsumerRecord<String, String>> about(String topic, UUID requestId) {
        String subject = requestId.toString();
        return TopicReader.readAll(KafkaTestResource.bootstrapServers(), topic).stream()
                .filter(r -> header(r, "ce_subject").filter(subject::equals).isPresent())
                .toList();
    }

    /** The events of {@code type} published about {@code requestId}, decoded. */
    public static <T extends ClearnameEvent> List<T> published(Class<T> type, UUID requestId) {
        return about(EventType.of(type).topic(), requestId).stream()
                .map(r -> read(r, type))
                .toList();
    }

    /** The event a record carries. */
    public static <T extends ClearnameEvent> T read(ConsumerRecord<String, String> record, Class<T> type) {
        return EventJson.read(record.value(), type);
    }

    /** The last value of a header, as UTF-8 text. */
    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
