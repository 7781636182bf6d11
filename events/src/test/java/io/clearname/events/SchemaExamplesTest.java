package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Consumer side: every example in a schema is a valid payload that reads into its record. */
class SchemaExamplesTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaHasAnExample(EventType type) {
        assertThat(EventSchemas.examples(type)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExamplesMatchTheirSchema(EventType type) {
        for (var example : EventSchemas.examples(type)) {
            assertThat(EventSchemas.validate(type, example)).as("%s", example).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExamplesReadIntoTheirRecord(EventType type) {
        for (var example : EventSchemas.examples(type)) {
            var event = EventJson.read(example.toString(), type.payloadType());

            assertThat(event).isInstanceOf(type.payloadType());
            assertThat(event.requestId()).isNotNull();
            assertThat(event.accountId()).isNotNull();
        }
    }

    /** Unknown fields are ignored on read, so a misspelt field in an example would otherwise go unnoticed. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExamplesNameOnlyRecordFields(EventType type) throws JsonProcessingException {
        for (var example : EventSchemas.examples(type)) {
            var rewritten = EventJson.write(EventJson.read(example.toString(), type.payloadType()));

            assertThat(EventJson.mapper().readTree(rewritten)).isEqualTo(example);
        }
    }
}
