package io.clearname.local.bench;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.events.UserNotified;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the benchmark's clearings through the suite's public events, as a platform team's consumer would: every
 * {@code ClearingConcluded} (when a request is CLEARED, and whether it concluded more than once) and every
 * {@code UserNotified} (when the last notice of a request was delivered). It reads every partition from the end it
 * finds at start, without a consumer group, so it changes nothing in the suite.
 */
final class EventTracker implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<UUID, Clearing> byAccount;
    private final int noticesPerClearing;
    private final Consumer<Clearing> onConcluded;
    private final Consumer<Clearing> onComplete;
    private final Thread thread;
    private final AtomicLong foreignOrBroken = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param byAccount the benchmark's clearings by account id; events of other accounts are ignored
     * @param onConcluded called once per clearing, on the tracker's thread, when its conclusion is seen
     * @param onComplete called once per clearing, on the tracker's thread, when it has concluded and all its notices
     *     were delivered or given up
     */
    EventTracker(
            String bootstrapServers,
            Map<UUID, Clearing> byAccount,
            int noticesPerClearing,
            Consumer<Clearing> onConcluded,
            Consumer<Clearing> onComplete) {
        this.byAccount = byAccount;
        this.noticesPerClearing = noticesPerClearing;
        this.onConcluded = onConcluded;
        this.onComplete = onComplete;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "clearname-bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.CLEARING_CONCLUDED, Topics.USER_NOTIFIED)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, before anything is submitted, so no event of this run is skipped.
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-event-tracker");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Records that were not readable events of the expected type. */
    long foreignOrBroken() {
        return foreignOrBroken.get();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    try {
                        if (record.topic().equals(Topics.CLEARING_CONCLUDED)) {
                            concluded(EventJson.read(record.value(), ClearingConcluded.class), ceId(record), now);
                        } else {
                            notified(EventJson.read(record.value(), UserNotified.class), now);
                        }
                    } catch (RuntimeException e) {
                        foreignOrBroken.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void concluded(ClearingConcluded event, String ceId, long now) {
        Clearing clearing = byAccount.get(event.accountId());
        if (clearing == null) {
            return;
        }
        boolean first;
        synchronized (clearing) {
            clearing.conclusionEventIds.add(ceId == null ? "" : ceId);
            first = clearing.outcome == null;
            if (first) {
                clearing.outcome = String.valueOf(event.outcome());
                if (event.outcome() == ClearingConcluded.Outcome.CLEARED) {
                    clearing.clearedNanos = now;
                }
            }
        }
        if (first) {
            onConcluded.accept(clearing);
        }
        completeIfDone(clearing, now);
    }

    private void notified(UserNotified event, long now) {
        Clearing clearing = byAccount.get(event.accountId());
        if (clearing == null) {
            return;
        }
        synchronized (clearing) {
            (event.status() == UserNotified.Status.DELIVERED ? clearing.delivered : clearing.failed)
                    .add(event.notificationId());
        }
        completeIfDone(clearing, now);
    }

    private void completeIfDone(Clearing clearing, long now) {
        synchronized (clearing) {
            if (clearing.completedNanos != 0
                    || clearing.outcome == null
                    || clearing.delivered.size() + clearing.failed.size() < noticesPerClearing) {
                return;
            }
            clearing.completedNanos = now;
        }
        onComplete.accept(clearing);
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
