package io.clearname.kit.deadletter;

import io.agroal.api.AgroalDataSource;
import io.clearname.kit.messaging.RecoveringProducer;
import io.clearname.kit.messaging.ReliableProducers;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * What support does with a dead letter, once the cause is fixed or found hopeless: re-drive it (publish the record
 * again, as it came, to its source topic, where every consumer of the topic receives it; those that applied it before
 * skip it by its {@code ce_id}) or discard it with a reason. Either happens once: the row is locked while it is
 * resolved, and a resolved dead letter is not resolved again.
 */
@ApplicationScoped
public class DeadLetterActions {

    static final ProblemType RESOLVED =
            ProblemType.define("dead-letter-resolved", "The dead letter was already re-driven or discarded", 409);
    static final ProblemType EXPIRED = ProblemType.define(
            "dead-letter-expired", "The dead letter is no longer on its topic; it can only be discarded", 409);
    static final ProblemType BROKER_UNAVAILABLE =
            ProblemType.define("broker-unavailable", "The Kafka broker did not answer in time; try again", 503);

    /** Headers the dead-letter topic added; the re-driven record goes without them. */
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    /** Names the dead letter a re-driven record came from. */
    public static final String REDRIVEN_FROM_HEADER = "clearname-redriven-from";

    private static final Logger LOG = Logger.getLogger(DeadLetterActions.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final DeadLetterStore store;
    private final Config config;
    private final Map<String, Object> kafkaConfig;
    private final RecoveringProducer<String, byte[]> producer;

    public DeadLetterActions(
            AgroalDataSource dataSource,
            DeadLetterStore store,
            Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.producer = ReliableProducers.recovering(
                kafkaConfig,
                config.getValue("quarkus.application.name", String.class) + "-redrive",
                Map.of(
                        "max.block.ms", (int) KAFKA_TIMEOUT.toMillis(),
                        "request.timeout.ms", (int) KAFKA_TIMEOUT.toMillis(),
                        // at least linger.ms + request.timeout.ms, or the producer is refused
                        "delivery.timeout.ms", (int) KAFKA_TIMEOUT.toMillis() + 1_000));
    }

    /** Publishes the dead letter's record to its source topic again and marks it REDRIVEN. */
    public DeadLetter redrive(UUID id, String by) {
        return inTransaction(() -> {
            try (Connection connection = dataSource.getConnection()) {
                DeadLetter letter = open(connection, id);
                ConsumerRecord<String, byte[]> copy = read(letter);
                var again = new ProducerRecord<>(letter.sourceTopic(), copy.key(), copy.value());
                for (Header header : copy.headers()) {
                    if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                        again.headers().add(header);
                    }
                }
                again.headers()
                        .add(
                                REDRIVEN_FROM_HEADER,
                                (letter.deadLetterTopic() + "-" + letter.deadLetterPartition() + "@"
                                                + letter.deadLetterOffset())
                                        .getBytes(StandardCharsets.UTF_8));
                publish(again);
                store.resolve(connection, id, DeadLetter.State.REDRIVEN, by, null);
                LOG.infof("%s: dead letter %s re-driven to %s by %s", letter.consumer(), id, letter.sourceTopic(), by);
                return store.lock(connection, id).orElseThrow();
            }
        });
    }

    /** Marks the dead letter DISCARDED with the reason given (personal data in it redacted: it is free text). */
    public DeadLetter discard(UUID id, String by, String reason) {
        return inTransaction(() -> {
            try (Connection connection = dataSource.getConnection()) {
                DeadLetter letter = open(connection, id);
                store.resolve(connection, id, DeadLetter.State.DISCARDED, by, PiiMasking.redact(reason));
                LOG.infof("%s: dead letter %s discarded by %s", letter.consumer(), id, by);
                return store.lock(connection, id).orElseThrow();
            }
        });
    }

    /** Runs {@code work} in a transaction of its own; a problem it throws reaches the caller as it is. */
    private static DeadLetter inTransaction(java.util.concurrent.Callable<DeadLetter> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw e;
        }
    }

    private DeadLetter open(Connection connection, UUID id) throws java.sql.SQLException {
        DeadLetter letter = store.lock(connection, id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No dead letter " + id));
        if (letter.state() != DeadLetter.State.OPEN) {
            throw new ProblemException(RESOLVED, "Dead letter " + id + " is " + letter.state());
        }
        return letter;
    }

    /** The record as the dead-letter topic holds it, read by position without a consumer group. */
    private ConsumerRecord<String, byte[]> read(DeadLetter letter) {
        var partition = new TopicPartition(letter.deadLetterTopic(), letter.deadLetterPartition());
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerConfig())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, letter.deadLetterOffset());
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == letter.deadLetterOffset()) {
                        return record;
                    }
                    if (record.offset() > letter.deadLetterOffset()) {
                        throw new ProblemException(
                                EXPIRED, "Dead letter " + letter.id() + " has passed its topic's" + " retention");
                    }
                }
                if (consumer.position(partition) > letter.deadLetterOffset()) {
                    throw new ProblemException(
                            EXPIRED, "Dead letter " + letter.id() + " has passed its topic's retention");
                }
            }
        } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
            throw new ProblemException(EXPIRED, "Dead letter " + letter.id() + " has passed its topic's retention");
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warnf("dead letter %s not read: %s", letter.id(), e.getClass().getName());
            throw new ProblemException(BROKER_UNAVAILABLE, "The dead-letter topic could not be read");
        }
        throw new ProblemException(BROKER_UNAVAILABLE, "The dead-letter topic could not be read in time");
    }

    private void publish(ProducerRecord<String, byte[]> record) throws InterruptedException {
        Producer<String, byte[]> used = null;
        try {
            used = producer.get();
            used.send(record).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            LOG.warnf("re-driven record not acknowledged: %s", e.getClass().getName());
            producer.failed(used, e instanceof ExecutionException ? e.getCause() : e);
            throw new ProblemException(BROKER_UNAVAILABLE, "The record was not acknowledged; it stays a dead letter");
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> !ConsumerConfig.configNames().contains(key));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                config.getValue("quarkus.application.name", String.class) + "-dead-letter-reader");
        return props;
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }
}
