package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue of event types maps payload classes, ce_types, topics and schemas one to one. */
class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ofPayloadTypeRoundTrips(EventType type) {
        assertThat(EventType.of(type.payloadType())).isSameAs(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ofCeTypeRoundTrips(EventType type) {
        assertThat(EventType.ofCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ceTypeIsNamespacedVersionOneOfThePayloadClass(EventType type) {
        assertThat(type.ceType()).isEqualTo("clearname." + type.payloadType().getSimpleName() + ".v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaResourceIsOnTheClasspath(EventType type) {
        assertThat(EventType.class.getResource(type.schemaResource())).isNotNull();
    }

    @Test
    void ofCeTypeIsEmptyForAnUnknownTypeOrVersion() {
        assertThat(EventType.ofCeType("clearname.ClearRequested.v2")).isEmpty();
        assertThat(EventType.ofCeType("com.example.OrderPlaced.v1")).isEmpty();
        assertThat(EventType.ofCeType("")).isEmpty();
    }

    @Test
    void ofRejectsAClassThatIsNoEventType() {
        assertThatThrownBy(() -> EventType.of(NotInTheCatalogue.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotInTheCatalogue.class.getName());
    }

    @Test
    void eachEventTypeHasItsOwnTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic))
                .containsExactlyElementsOf(Topics.EVENT_TOPICS);
    }

    @Test
    void deadLetterTopicIsTopicDotServiceDotDlq() {
        assertThat(Topics.deadLetter(Topics.CLEAR_REQUESTED, "verification-service"))
                .isEqualTo("clear-requested.verification-service.dlq");
        assertThat(Topics.DEAD_LETTER_TOPICS)
                .allSatisfy(
                        t -> assertThat(t).matches("(" + String.join("|", Topics.EVENT_TOPICS) + ")\\.[a-z-]+\\.dlq"));
    }

    private record NotInTheCatalogue(UUID requestId, UUID accountId) implements ClearnameEvent {}
}
