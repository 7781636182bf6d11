package io.clearname.kit.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * What the {@code dead_letter} table keeps of a dead letter: where the record came from and went, the CloudEvents
 * identifiers, why it failed, and the shape of its payload. Never the payload itself: it may hold contact points, or
 * anything at all when the record is not a valid event, and support must be able to read the table without seeing
 * personal data.
 *
 * @param payloadFields the top-level field names when the payload is a JSON object (identifier-like names only)
 */
public record DeadLetterEntry(
        UUID id,
        String consumer,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String deadLetterTopic,
        int deadLetterPartition,
        long deadLetterOffset,
        String eventId,
        String ceType,
        String ceSubject,
        String recordKey,
        String reason,
        String exceptionClass,
        int payloadBytes,
        List<String> payloadFields) {

    /** The identifiers clearname's events carry (ids, keys, subjects) are UUIDs; anything else is not kept. */
    private static final Pattern IDENTIFIER =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Event types as clearname names them, {@code clearname.ClearRequested.v1}: letters and dots, then a version. */
    private static final Pattern CE_TYPE = Pattern.compile("[A-Za-z][A-Za-z.]{0,100}\\.v[0-9]{1,3}");

    /** Field names as the events' schemas write them; no long run of digits, which could be a number of a person's. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z_]{0,63}");

    private static final int MAX_FIELDS = 50;
    private static final JsonFactory JSON = new JsonFactory();

    static DeadLetterEntry of(
            String consumer,
            ConsumerRecord<String, byte[]> record,
            RecordMetadata stored,
            String reason,
            String exceptionClass) {
        byte[] value = record.value();
        return new DeadLetterEntry(
                UUID.randomUUID(),
                consumer,
                record.topic(),
                record.partition(),
                record.offset(),
                stored.topic(),
                stored.partition(),
                stored.offset(),
                identifier(record, "ce_id").orElse(null),
                header(record, "ce_type")
                        .filter(t -> CE_TYPE.matcher(t).matches())
                        .orElse(null),
                identifier(record, "ce_subject").orElse(null),
                shown(record.key()) ? record.key() : null,
                reason,
                exceptionClass,
                value == null ? 0 : value.length,
                fieldsOf(value));
    }

    private static Optional<String> identifier(ConsumerRecord<String, byte[]> record, String name) {
        return header(record, name).filter(DeadLetterEntry::shown);
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * Whether a value from the record may be kept: a UUID, as every id, key and subject of clearname's events is. A
     * malformed record may carry anything where an identifier belongs, an ID number or an email included.
     */
    private static boolean shown(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    /** The top-level field names of a JSON object, without reading (or keeping) any value. */
    static List<String> fieldsOf(byte[] value) {
        List<String> fields = new ArrayList<>();
        if (value == null) {
            return fields;
        }
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME && fields.size() < MAX_FIELDS) {
                String name = parser.currentName();
                if (name != null && FIELD_NAME.matcher(name).matches()) {
                    fields.add(name);
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON, or JSON that breaks off: the names read so far are all there is to show.
        }
        return fields;
    }
}
