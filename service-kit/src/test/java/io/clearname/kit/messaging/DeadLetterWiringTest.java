package io.clearname.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterWiringTest {

    private static Map<String, String> wired(String channel) {
        Map<String, String> config = new HashMap<>();
        String prefix = "mp.messaging.incoming." + channel + ".";
        config.put(prefix + "connector", "smallrye-kafka");
        config.put(prefix + "failure-strategy", "fail");
        config.put(prefix + "dead-letter-queue.topic", channel + ".some-service.dlq");
        config.put(prefix + "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        return config;
    }

    private static java.util.List<String> problemsOf(Map<String, String> config) {
        return DeadLetterWiring.problems(config.keySet(), name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void fullyWiredChannelsPass() {
        Map<String, String> config = wired("audit-completed");
        config.putAll(wired("user-notified"));

        assertThat(problemsOf(config)).isEmpty();
    }

    @Test
    void aChannelWithoutDeadLetterStrategyOrTopicIsReported() {
        Map<String, String> config = wired("audit-completed");
        config.remove("mp.messaging.incoming.audit-completed.dead-letter-queue.topic");
        config.put("mp.messaging.incoming.audit-completed.failure-strategy", "ignore");

        assertThat(problemsOf(config))
                .containsExactly(
                        "audit-completed: failure-strategy must be fail (the inbox dead-letters, not the connector)",
                        "audit-completed: dead-letter-queue.topic must name the channel's dead-letter topic");
    }

    @Test
    void aChannelThatDeserializesJsonItselfIsReported() {
        Map<String, String> config = wired("audit-completed");
        config.put("mp.messaging.incoming.audit-completed.value.deserializer", "com.example.JsonDeserializer");

        assertThat(problemsOf(config)).singleElement().asString().contains("value.deserializer");
    }

    /** The CloudEvents binding reads a record's bytes; a string deserializer would already have decoded them. */
    @Test
    void aChannelThatDecodesValuesAsStringsIsReported() {
        Map<String, String> config = wired("audit-completed");
        config.put(
                "mp.messaging.incoming.audit-completed.value.deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");

        assertThat(problemsOf(config))
                .containsExactly("audit-completed: value.deserializer must be "
                        + "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    }

    @Test
    void channelsOfOtherConnectorsAreNotConcerned() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.messaging.incoming.ticks.connector", "smallrye-in-memory");

        assertThat(problemsOf(config)).isEmpty();
    }
}
