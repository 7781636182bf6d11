package io.clearname.kit.deadletter;

import io.clearname.events.MalformedEventException;
import io.clearname.kit.messaging.ProcessingDeferredException;
import io.clearname.kit.messaging.RecoveringProducer;
import io.clearname.kit.messaging.ReliableProducers;
import io.clearname.kit.messaging.TransientRetry;
import io.clearname.kit.pii.PiiMasking;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends a record a consumer cannot process to its channel's dead-letter topic
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}) and records it in the service's
 * {@code dead_letter} table, where support lists, re-drives or discards it ({@link DeadLetterResource}).
 *
 * <p>The dead letter carries the original key, value (the bytes as they came) and headers, plus {@code
 * dead-letter-reason}, {@code dead-letter-exception-class-name}, {@code dead-letter-topic}, {@code -partition} and
 * {@code -offset}, as SmallRye's dead-letter strategy writes them. The reason is the message of a
 * {@link MalformedEventException} (whose messages name what is wrong, never values) and only the exception's class
 * otherwise, since a database error may quote the values it refused.
 *
 * <p>Sending waits for the broker's acknowledgement, retrying while the broker is unreachable, so that the record's
 * offset is committed only once its dead letter is safe.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A run of digits as long as an ID number or a phone number with its country code, even glued to other characters;
     * a UUID never has one (its longest group is 12 characters).
     */
    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d{13,}[0-9Xx]?");

    private final Config config;
    private final Map<String, Object> kafkaConfig;
    private final TransientRetry retry;
    private final DeadLetterStore store;
    private final RecoveringProducer<String, byte[]> producer;

    public DeadLetters(
            Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            TransientRetry retry,
            DeadLetterStore store) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.retry = retry;
        this.store = store;
        this.producer = ReliableProducers.recovering(
                kafkaConfig, config.getValue("quarkus.application.name", String.class) + "-dead-letters", Map.of());
    }

    /** The dead-letter topic of an incoming channel. */
    public String topicOf(String channel) {
        return config.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
    }

    /** Publishes {@code record} to {@code channel}'s dead-letter topic, waits for the acknowledgement, records it. */
    public void send(String channel, ConsumerRecord<String, byte[]> record, Throwable failure) {
        String topic = topicOf(channel);
        var letter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        String reason = reasonOf(failure);
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
        RecordMetadata stored = retry.untilDone(channel, "dead letter", () -> publish(letter));
        LOG.warnf(
                "%s: record %s-%d@%d sent to %s: %s",
                channel, record.topic(), record.partition(), record.offset(), topic, reason);
        var entry = DeadLetterEntry.of(
                channel, record, stored, reason, failure.getClass().getName());
        try {
            retry.untilDone(channel, "dead letter record", () -> {
                store.record(entry);
                return null;
            });
        } catch (ProcessingDeferredException deferred) {
            // The record comes again after the restart, is dead-lettered again and recorded then.
            throw deferred;
        } catch (RuntimeException e) {
            // The dead letter is safe on its topic; only support's view of it is missing.
            LOG.errorf(
                    "%s: dead letter %s-%d@%d not recorded in dead_letter (%s)",
                    channel,
                    topic,
                    stored.partition(),
                    stored.offset(),
                    e.getClass().getName());
        }
    }

    /** Publishes to the broker and waits for its acknowledgement; an error that ruins the producer replaces it. */
    RecordMetadata publish(ProducerRecord<String, byte[]> letter) throws Exception {
        Producer<String, byte[]> used = producer.get();
        try {
            return used.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            producer.failed(used, e.getCause());
            throw e;
        } catch (RuntimeException e) {
            producer.failed(used, e);
            throw e;
        }
    }

    /**
     * Why a record was dead-lettered, safe to keep and show: a malformed event's message with personal data redacted
     * ({@link PiiMasking#redact}) and every run of 13 or more digits (an ID number, a phone number with its country
     * code, a card number) replaced by {@code [number]}, since such a message may quote the record's values; for any
     * other failure only the exception's class name, as its message may quote anything.
     */
    static String reasonOf(Throwable failure) {
        return failure instanceof MalformedEventException
                ? LONG_NUMBER.matcher(PiiMasking.redact(failure.getMessage())).replaceAll("[number]")
                : failure.getClass().getName();
    }

    private static void put(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }
}
