package io.clearname.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.clearname.kit.health.Heartbeats;
import io.clearname.kit.messaging.RecoveringProducer;
import io.clearname.kit.messaging.ReliableProducers;
import io.clearname.kit.worker.WorkerLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 *   <li><b>Recovery:</b> a round that fails with an error that leaves the idempotent producer unusable (fenced, an
 *       out-of-order sequence, ...) discards the producer, and the next round publishes with a new one
 *       ({@link RecoveringProducer}). The loop's thread is watched by the liveness check ({@link Heartbeats}).
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** First key of the two-key advisory locks; the second is the bucket. Any constant unique in the database. */
    private final AgroalDataSource dataSource;

    private final OutboxConfig config;
    private final Counter published;
    private final Counter failedRounds;
    private final Timer commitToAck;

    private final WorkerLoop loop;
    private final RecoveringProducer<String, byte[]> producer;

    public OutboxRelay(
            AgroalDataSource dataSource,
            OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry,
            Heartbeats heartbeats) {
        requireUriReference(config.source());
        this.dataSource = dataSource;
        this.config = config;
        this.producer = ReliableProducers.recovering(
                kafkaConfig,
                config.source() + "-outbox-relay",
                Map.of(
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                        ProducerConfig.LINGER_MS_CONFIG, 0,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
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
        FunctionCounter.builder("clearname.outbox.producer.discarded", producer, RecoveringProducer::discarded)
                .description("Relay producers closed after an error that left them unusable, and created anew")
                .register(registry);
        this.loop = new WorkerLoop(
                "outbox-relay",
                // Another round at once only after a full batch: a commit meanwhile wakes the loop anyway, and an
                // extra round that finds nothing is a wasted query per batch.
                () -> drain() == config.relay().batchSize(),
                config.relay().pollInterval(),
                config.relay().retryBackoff());
        heartbeats.watch(loop);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(5));
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
            List<OutboxRow> rows = PendingRows.lock(connection, config.relay().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            Producer<String, byte[]> kafka = producer.get();
            try {
                publish(kafka, rows);
            } catch (RuntimeException | InterruptedException e) {
                producer.failed(kafka, e);
                throw e;
            }
            List<UUID> ids = rows.stream().map(OutboxRow::id).toList();
            PendingRows.delete(connection, ids);
            published.increment(ids.size());
            return ids.size();
        }
    }

    /** Sends the rows and waits for every acknowledgement. */
    private void publish(Producer<String, byte[]> kafka, List<OutboxRow> rows) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        URI source = null;
        for (OutboxRow row : rows) {
            // Every row of a service names the same source: parse it once per round, not once per row.
            if (source == null || !source.toString().equals(row.source())) {
                source = URI.create(row.source());
            }
            acks.add(kafka.send(row.toRecord(source)));
        }
        kafka.flush();
        Instant now = Instant.now();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "broker refused outbox event " + rows.get(i).id(), e.getCause());
            }
            commitToAck.record(Duration.between(rows.get(i).time(), now));
        }
    }

    static int bucketOf(String key, int buckets) {
        return Math.floorMod(key.hashCode(), buckets);
    }

    /** {@code ce_source} is a URI reference: a source that is not one would stop the relay at its first row. */
    private static void requireUriReference(String source) {
        try {
            URI.create(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("clearname.outbox.source is not a URI reference: " + source, e);
        }
    }
}
