package io.clearname.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service with a Kafka consumer channel that could stall its partitions or drop records
 * silently: every incoming channel must name the dead-letter topic the kit's inbox sends what it cannot process to
 * ({@code dead-letter-queue.topic}), read values as bytes, so that a payload that is not JSON, or not even text,
 * reaches the consumer method (and then the dead-letter topic, unchanged) instead of failing inside the deserializer,
 * and use the {@code fail} failure strategy. The inbox decides what is a dead letter; the only failure that escapes a
 * consumer method is {@link ProcessingDeferredException} while the service stops, and {@code fail} then leaves the
 * records uncommitted for the next consumer, where SmallRye's own dead-letter strategy would dead-letter valid events.
 */
@ApplicationScoped
public class DeadLetterWiring {

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final String BYTES_DESERIALIZER = "org.apache.kafka.common.serialization.ByteArrayDeserializer";

    private final Config config;

    public DeadLetterWiring(Config config) {
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        List<String> problems =
                problems(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka consumer channels are not wired for dead letters: " + problems);
        }
    }

    /** What is wrong with the incoming Kafka channels of a configuration; empty when all is well. */
    static List<String> problems(Iterable<String> propertyNames, Function<String, Optional<String>> value) {
        var channels = new TreeSet<String>();
        for (String name : propertyNames) {
            Matcher m = CHANNEL.matcher(name);
            if (m.matches()
                    && value.apply(name).filter("smallrye-kafka"::equals).isPresent()) {
                channels.add(m.group(1));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String channel : channels) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (value.apply(prefix + "failure-strategy").filter("fail"::equals).isEmpty()) {
                problems.add(channel + ": failure-strategy must be fail (the inbox dead-letters, not the connector)");
            }
            if (value.apply(prefix + "dead-letter-queue.topic")
                    .filter(t -> !t.isBlank())
                    .isEmpty()) {
                problems.add(channel + ": dead-letter-queue.topic must name the channel's dead-letter topic");
            }
            if (value.apply(prefix + "value.deserializer")
                    .filter(BYTES_DESERIALIZER::equals)
                    .isEmpty()) {
                problems.add(channel + ": value.deserializer must be " + BYTES_DESERIALIZER);
            }
        }
        return problems;
    }
}
