package io.clearname.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.kit.messaging.CloudEventRecords;
import io.clearname.kit.messaging.ReliableProducers;
import io.clearname.kit.worker.WorkerLoop;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and deletes them once the broker has acknowledged them.
 *
 * <p>How it keeps its promises:
 *
 * <ul>
 *   <li><b>Nothing lost:</b> a row is deleted in the same database transaction that waited for the acknowledgements
 *       ({@code acks=all}, idempotent producer). If the relay dies before that commit, the rows stay and are published
 *       again: consumers see a duplicate with the same {@code ce_id}, which their inbox absorbs.
 *   <li><b>Per-key order:</b> rows fall into ordering buckets by key. A round, one transaction, takes the
 *       transaction-scoped advisory locks ({@code pg_try_advisory_xact_lock}) of the buckets with pending rows that no
 *       other instance holds, publishes up to a batch of their rows in commit sequence and waits for all
 *       acknowledgements before it deletes them and the next round starts. Several instances share the buckets; no
 *       two publish the same bucket at once, and nobody waits on a lock: a held bucket is skipped, like
 *       {@code FOR UPDATE SKIP LOCKED}.
 *   <li><b>Latency:</b> the writer wakes the relay when the business transaction commits; polling only catches rows of
 *       other instances.
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** First key of the two-key advisory locks; the second is the bucket. Any constant unique in the database. */
    private static final int LOCK_SPACE = 0x0C1EA2;

    private static final String JSON = "application/json";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failedRounds;
    private final Timer commitToAck;

    private final WorkerLoop loop;
    private Producer<String, byte[]> producer;

    public OutboxRelay(
            AgroalDataSource dataSource,
            OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry) {
        requireUriReference(config.source());
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("clearname.outbox.published")
                .description("Outbox events acknowledged by the broker")
                .register(registry);
        this.failedRounds = Counter.builder("clearname.outbox.failed.rounds")
                .description("Relay rounds that failed and will be retried")
                .register(registry);
        this.commitToAck = Timer.builder("clearname.outbox.latency")
                .description("Time from the outbox write to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.loop = new WorkerLoop(
                "outbox-relay",
                // Another round at once only after a full batch: a commit meanwhile wakes the loop anyway, and an
                // extra round that finds nothing is a wasted query per batch.
                () -> drain() == config.relay().batchSize(),
                config.relay().pollInterval(),
                config.relay().retryBackoff());
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop(Duration.ofSeconds(10));
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    /** Asks the relay to look for new rows now. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** The relay's thread, for health checks. */
    public WorkerLoop loop() {
        return loop;
    }

    /**
     * One round, in one transaction: locks every bucket with pending rows that no other instance holds, publishes up to
     * a batch of their rows in commit sequence, waits for every acknowledgement and deletes them.
     *
     * @return how many rows were published
     */
    private int drain() {
        try {
            return QuarkusTransaction.requiringNew().call(this::publishLockedRows);
        } catch (RuntimeException e) {
            failedRounds.increment();
            throw e;
        }
    }

    private int publishLockedRows() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = lockPendingRows(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            Producer<String, byte[]> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            URI source = null;
            for (Row row : rows) {
                // Every row of a service names the same source: parse it once per round, not once per row.
                if (source == null || !source.toString().equals(row.source)) {
                    source = URI.create(row.source);
                }
                acks.add(kafka.send(toRecord(row, source)));
            }
            kafka.flush();
            Instant now = Instant.now();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("broker refused outbox event " + rows.get(i).id, e.getCause());
                }
                commitToAck.record(Duration.between(rows.get(i).time, now));
            }
            List<UUID> ids = rows.stream().map(Row::id).toList();
            delete(connection, ids);
            published.increment(ids.size());
            return ids.size();
        }
    }

    /**
     * The oldest pending rows of the buckets this transaction could lock. A bucket another instance holds is skipped,
     * never waited for. The lock function runs once per bucket, in a materialized step of its own.
     */
    private List<Row> lockPendingRows(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("""
                WITH locked AS MATERIALIZED (
                    SELECT bucket FROM (SELECT DISTINCT ordering_bucket AS bucket FROM outbox_event) pending
                    WHERE pg_try_advisory_xact_lock(?, bucket))
                SELECT id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload
                FROM outbox_event WHERE ordering_bucket IN (SELECT bucket FROM locked)
                ORDER BY seq LIMIT ?
                """)) {
            query.setInt(1, LOCK_SPACE);
            query.setInt(2, config.relay().batchSize());
            try (var result = query.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(
                            result.getObject(1, UUID.class),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getTimestamp(7).toInstant(),
                            result.getString(8)));
                }
                return rows;
            }
        }
    }

    private static void delete(Connection connection, List<UUID> ids) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = ReliableProducers.create(
                    kafkaConfig,
                    config.source() + "-outbox-relay",
                    Map.of(
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 0,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
        }
        return producer;
    }

    static int bucketOf(String key, int buckets) {
        return Math.floorMod(key.hashCode(), buckets);
    }

    /**
     * A row as a CloudEvents 1.0 record, written by the SDK's Kafka binding in binary mode ({@link CloudEventRecords}):
     * {@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_subject}, {@code ce_time}
     * and {@code content-type: application/json} as headers, the payload's UTF-8 bytes as the value, keyed by account.
     */
    static ProducerRecord<String, byte[]> toRecord(Row row, URI source) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.id.toString())
                .withSource(source)
                .withType(row.type)
                .withSubject(row.subject)
                .withTime(row.time.atOffset(ZoneOffset.UTC))
                .withData(JSON, row.payload.getBytes(StandardCharsets.UTF_8))
                .build();
        return CloudEventRecords.binary(row.topic, row.key, event);
    }

    /** {@code ce_source} is a URI reference: a source that is not one would stop the relay at its first row. */
    private static void requireUriReference(String source) {
        try {
            URI.create(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clearname.outbox.source is not a URI reference: " + source, e);
        }
    }

    record Row(
            UUID id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            Instant time,
            String payload) {}
}
