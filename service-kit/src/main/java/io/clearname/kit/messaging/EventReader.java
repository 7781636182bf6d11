package io.clearname.kit.messaging;

import io.clearname.events.ClearnameEvent;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import io.clearname.events.MalformedEventException;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URISyntaxException;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a Kafka record into an {@link IncomingEvent}, or throws {@link MalformedEventException} when it is not one. The
 * record is read by the CloudEvents SDK's Kafka protocol binding (binary mode: the attributes in {@code ce_*} headers,
 * the value the bare JSON payload); then it must be a CloudEvents 1.0 event of the expected {@code ce_type} with a
 * non-empty {@code ce_id}, whose payload is valid JSON of the type and carries its ids.
 *
 * <p>A consumer lets the exception escape so the record goes to the channel's dead-letter topic. Messages name what is
 * wrong, never the payload's values nor the SDK's messages (which quote the header values they refuse).
 */
public final class EventReader {

    /** The attributes a CloudEvent cannot lack besides its spec version, in the order the SDK's builder checks them. */
    private static final List<String> REQUIRED = List.of("id", "source", "type");

    private EventReader() {}

    public static <T extends ClearnameEvent> IncomingEvent<T> read(
            ConsumerRecord<?, byte[]> record, Class<T> payloadType) {
        CloudEvent event = cloudEvent(record);
        String id = event.getId();
        if (id.isBlank()) {
            throw new MalformedEventException("record has an empty ce_id header");
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new MalformedEventException(
                    "record " + id + " has ce_specversion " + event.getSpecVersion() + ", expected 1.0");
        }
        String expectedType = EventType.of(payloadType).ceType();
        if (!expectedType.equals(event.getType())) {
            throw new MalformedEventException(
                    "record " + id + " has ce_type " + safe(event.getType()) + ", expected " + expectedType);
        }
        CloudEventData data = event.getData();
        if (data == null) {
            throw new MalformedEventException("record " + id + " has no payload");
        }
        T payload = EventJson.read(data.toBytes(), payloadType);
        if (payload.requestId() == null || payload.accountId() == null) {
            throw new MalformedEventException("record " + id + " lacks requestId or accountId");
        }
        return new IncomingEvent<>(
                id,
                event.getType(),
                event.getSource().toString(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                payload);
    }

    private static CloudEvent cloudEvent(ConsumerRecord<?, byte[]> record) {
        Headers headers = record.headers();
        try {
            return KafkaMessageFactory.createReader(headers, record.value()).toEvent();
        } catch (CloudEventRWException e) {
            throw new MalformedEventException(problem(e, headers));
        } catch (IllegalStateException e) {
            // The SDK's builder refuses an event without a required attribute.
            throw new MalformedEventException(missingAttribute(headers));
        }
    }

    private static String problem(CloudEventRWException e, Headers headers) {
        return switch (e.getKind()) {
            case UNKNOWN_ENCODING ->
                "record is not a binary-mode CloudEvent: no ce_specversion header, or a structured-mode content-type";
            case INVALID_SPEC_VERSION -> "record has a ce_specversion other than 1.0";
            case INVALID_ATTRIBUTE_VALUE -> {
                if (e.getCause() instanceof DateTimeParseException) {
                    yield "ce_time is not an RFC 3339 timestamp";
                }
                if (e.getCause() instanceof URISyntaxException) {
                    yield "ce_source or ce_dataschema is not a URI reference";
                }
                yield "a ce_ header has an invalid value";
            }
            case INVALID_EXTENSION_NAME -> "a ce_ header names no valid attribute (lower-case letters and digits only)";
            case OTHER ->
                e.getCause() instanceof IllegalStateException
                        ? missingAttribute(headers)
                        : "record is not a CloudEvent";
            default -> "record is not a CloudEvent (" + e.getKind() + ")";
        };
    }

    private static String missingAttribute(Headers headers) {
        for (String attribute : REQUIRED) {
            Header header = headers.lastHeader("ce_" + attribute);
            if (header == null || header.value() == null) {
                return "record has no ce_" + attribute + " header";
            }
        }
        return "record lacks a required CloudEvents attribute";
    }

    /** Header values are ours, but a foreign record could carry anything: keep log lines short and printable. */
    private static String safe(String value) {
        String printable = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
