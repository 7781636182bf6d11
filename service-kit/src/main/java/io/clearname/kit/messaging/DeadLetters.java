package io.clearname.kit.messaging;

import io.clearname.events.MalformedEventException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends a record a consumer cannot process to its channel's dead-letter topic
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), as SmallRye's dead-letter strategy does for a
 * record whose method throws: the original key, value (the bytes as they came) and headers, plus
 * {@code dead-letter-reason}, {@code dead-letter-exception-class-name}, {@code dead-letter-topic}, {@code -partition}
 * and {@code -offset}. Batch consumers use it for the one record of a batch that fails, so that the others are applied
 * and the partition moves on.
 *
 * <p>The reason is the message of a {@link MalformedEventException} (whose messages name what is wrong, never values)
 * and only the exception's class otherwise, since a database error may quote the values it refused.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Config config;
    private final Map<String, Object> kafkaConfig;
    private Producer<String, byte[]> producer;

    public DeadLetters(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * Publishes {@code record} to {@code channel}'s dead-letter topic and waits for the broker's acknowledgement, so
     * that the record's offset is committed only once its dead letter is safe.
     */
    public void send(String channel, ConsumerRecord<String, byte[]> record, Throwable failure) {
        String topic = config.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        var letter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        String reason = failure instanceof MalformedEventException
                ? failure.getMessage()
                : failure.getClass().getName();
        put(letter, "dead-letter-reason", reason);
        put(letter, "dead-letter-exception-class-name", failure.getClass().getName());
        if (failure.getCause() != null) {
            put(
                    letter,
                    "dead-letter-cause-class-name",
                    failure.getCause().getClass().getName());
        }
        put(letter, "dead-letter-topic", record.topic());
        put(letter, "dead-letter-partition", Integer.toString(record.partition()));
        put(letter, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " not acknowledged",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        }
        LOG.warnf(
                "%s: record %s-%d@%d sent to %s: %s",
                channel, record.topic(), record.partition(), record.offset(), topic, reason);
    }

    private static void put(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = ReliableProducers.create(
                    kafkaConfig, config.getValue("quarkus.application.name", String.class) + "-dead-letters", Map.of());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
