package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each schema describes its record exactly, nested records included: the same properties, all required but the
 * nullable ones, the JSON type Jackson writes for each Java type, and the same enum constants. Samples alone would
 * miss a property that a schema forgets.
 */
class SchemasMatchRecordsTest {

    /** The record components that may be null: optional in the schemas and typed {@code ["string", "null"]}. */
    private static final Set<String> NULLABLE = Set.of(
            "realNameVerifiedAt",
            "lastSecurityChangeAt",
            "userMessage",
            "kind",
            "paidUntil",
            "newRequestWindowEndsAt",
            "receipt");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecord(EventType type) {
        var root = EventSchemas.json(type);

        assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.path("$id").asText()).isEqualTo("https://clearname.io" + type.schemaResource());
        assertObjectMatches(root, root, type.payloadType(), type.payloadType().getSimpleName());
    }

    private static void assertObjectMatches(JsonNode root, JsonNode objectSchema, Class<?> record, String path) {
        var schema = resolve(root, objectSchema);
        var names = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(types(schema)).as(path).containsExactly("object");
        assertThat(schema.path("additionalProperties").asBoolean(false))
                .as(path + " allows additional properties")
                .isTrue();
        assertThat(names(schema.path("properties")))
                .as(path + " properties")
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(texts(schema.path("required")))
                .as(path + " required")
                .containsExactlyInAnyOrderElementsOf(
                        names.stream().filter(n -> !NULLABLE.contains(n)).toList());

        for (var component : record.getRecordComponents()) {
            assertValueMatches(
                    root,
                    schema.path("properties").path(component.getName()),
                    component.getGenericType(),
                    path + "." + component.getName(),
                    NULLABLE.contains(component.getName()));
        }
    }

    private static void assertValueMatches(
            JsonNode root, JsonNode valueSchema, Type type, String path, boolean nullable) {
        var schema = resolve(root, valueSchema);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(types(schema))
                    .as(path)
                    .containsExactlyElementsOf(nullable ? List.of("array", "null") : List.of("array"));
            assertValueMatches(root, schema.path("items"), list.getActualTypeArguments()[0], path + "[]", false);
            return;
        }
        var javaType = (Class<?>) type;
        if (javaType.isRecord()) {
            assertObjectMatches(root, schema, javaType, path);
            return;
        }

        var jsonType = jsonType(javaType);
        assertThat(types(schema))
                .as(path + " type")
                .containsExactlyElementsOf(nullable ? List.of(jsonType, "null") : List.of(jsonType));
        if (javaType == UUID.class) {
            assertThat(schema.path("format").asText()).as(path + " format").isEqualTo("uuid");
        } else if (javaType == Instant.class) {
            assertThat(schema.path("format").asText()).as(path + " format").isEqualTo("date-time");
        } else if (javaType.isEnum()) {
            var constants = Arrays.stream(javaType.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            assertThat(texts(schema.path("enum"))).as(path + " enum").containsExactlyElementsOf(constants);
        }
    }

    private static String jsonType(Class<?> javaType) {
        if (javaType == String.class || javaType == UUID.class || javaType == Instant.class || javaType.isEnum()) {
            return "string";
        }
        if (javaType == int.class || javaType == long.class || javaType == Integer.class || javaType == Long.class) {
            return "integer";
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError("No JSON type known for " + javaType + "; extend this test");
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/Reason}. */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        var ref = schema.path("$ref").asText("");
        return ref.startsWith("#") ? root.at(ref.substring(1)) : schema;
    }

    private static List<String> types(JsonNode schema) {
        var type = schema.path("type");
        return type.isArray() ? texts(type) : List.of(type.asText());
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
