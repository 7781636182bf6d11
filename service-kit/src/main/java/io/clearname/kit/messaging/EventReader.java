package io.clearname.kit.messaging;

import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.MalformedEventException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into an {@link IncomingEvent}, or throws {@link MalformedEventException} when it is not one: a
 * missing or foreign {@code ce_type}, no {@code ce_id}, a payload that is not valid JSON of the type, or one without
 * its ids. A consumer lets that exception escape so the record goes to the channel's dead-letter topic. Messages name
 * what is wrong, never the payload's values.
 */
public final class EventReader {

    private EventReader() {}

    public static <T extends ClearnameEvent> IncomingEvent<T> read(
            ConsumerRecord<String, String> record, Class<T> payloadType) {
        var headers = record.headers();
        String expectedType = EventType.of(payloadType).ceType();
        String id = CloudEventHeaders.get(headers, CloudEventHeaders.ID)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new MalformedEventException("record has no ce_id header"));
        String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new MalformedEventException("record " + id + " has no ce_type header"));
        if (!expectedType.equals(type)) {
            throw new MalformedEventException(
                    "record " + id + " has ce_type " + safe(type) + ", expected " + expectedType);
        }
        if (record.value() == null) {
            throw new MalformedEventException("record " + id + " has no payload");
        }
        T payload = EventJson.read(record.value(), payloadType);
        if (payload.requestId() == null || payload.accountId() == null) {
            throw new MalformedEventException("record " + id + " lacks requestId or accountId");
        }
        return new IncomingEvent<>(
                id,
                type,
                CloudEventHeaders.get(headers, CloudEventHeaders.SOURCE).orElse(null),
                CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT).orElse(null),
                CloudEventHeaders.get(headers, CloudEventHeaders.TIME)
                        .map(EventReader::parseTime)
                        .orElse(null),
                payload);
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
    }

    /** Header values are ours, but a foreign record could carry anything: keep log lines short and printable. */
    private static String safe(String value) {
        String printable = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
