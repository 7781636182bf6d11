package io.clearname.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clearname.events.EventJson;
import io.clearname.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas of the suite's events, for contract tests: a producer's test checks what it published against the
 * schema ({@link #problems}), a consumer's test feeds it the schema's examples ({@link #example}).
 *
 * <pre>
 * assertThat(EventSchemas.problems(EventType.AUDIT_COMPLETED, record.value())).isEmpty();
 * </pre>
 *
 * Needs {@code com.networknt:json-schema-validator} on the test class path (optional here).
 */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Draft 2020-12 treats "format" as an annotation by default; assert it, so that a non-UUID id or an epoch-number
    // timestamp fails the producer's test rather than a consumer.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {}

    /** The schema document of {@code type}, as JSON. */
    public static JsonNode schema(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + type.schemaResource());
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code payload} as an event of {@code type}; empty when it is valid. */
    public static List<String> problems(EventType type, String payload) {
        JsonSchema schema = FACTORY.getSchema(schema(type), CONFIG);
        return schema.validate(payload, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /** A copy of the {@code index}-th example of the schema of {@code type}, to change and send. */
    public static ObjectNode example(EventType type, int index) {
        JsonNode example = schema(type).path("examples").path(index);
        if (!example.isObject()) {
            throw new IllegalArgumentException("the schema of " + type + " has no example " + index);
        }
        return ((ObjectNode) example).deepCopy();
    }
}
