package io.clearname.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Loads the event schemas from the classpath and validates payloads against them. */
final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Draft 2020-12 treats "format" as an annotation by default; assert it so that a non-UUID id or an epoch-number
    // timestamp fails here rather than in a consumer.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {}

    static JsonNode json(EventType type) {
        try (InputStream in = open(type)) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema schema(EventType type) {
        return FACTORY.getSchema(json(type), CONFIG);
    }

    static Set<ValidationMessage> validate(EventType type, String payload) {
        return schema(type).validate(payload, InputFormat.JSON);
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    static List<JsonNode> examples(EventType type) {
        var examples = new ArrayList<JsonNode>();
        json(type).path("examples").forEach(examples::add);
        return examples;
    }

    private static InputStream open(EventType type) {
        var in = EventType.class.getResourceAsStream(type.schemaResource());
        if (in == null) {
            throw new IllegalStateException("No schema resource " + type.schemaResource());
        }
        return in;
    }
}
