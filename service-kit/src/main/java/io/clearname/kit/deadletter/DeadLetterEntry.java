package io.clearname.kit.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clearname.kit.pii.PiiMasking;
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

    /** Identifier-like header values only: anything else in a malformed record is not shown. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:/@-]{1,200}");

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
                identifier(record, "ce_type").orElse(null),
                identifier(record, "ce_subject").orElse(null),
                shown(record.key()) ? record.key() : null,
                reason,
                exceptionClass,
                value == null ? 0 : value.length,
                fieldsOf(value));
    }

    private static Optional<String> identifier(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return shown(value) ? Optional.of(value) : Optional.empty();
    }

    /**
     * Whether a value from the record may be kept: identifier-like, and no ID number, phone number or email in it (a
     * malformed record may carry one where an identifier belongs, and an email is identifier-like).
     */
    private static boolean shown(String value) {
        return value != null && IDENTIFIER.matcher(value).matches() && !PiiMasking.containsPii(value);
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
                if (name != null && name.matches("[A-Za-z0-9_]{1,64}") && !PiiMasking.containsPii(name)) {
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
