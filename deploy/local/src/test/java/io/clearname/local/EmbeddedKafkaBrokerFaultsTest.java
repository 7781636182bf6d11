package io.clearname.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker behind its proxy: a freeze holds clients back, a restart keeps the data, the port and the clients. */
class EmbeddedKafkaBrokerFaultsTest {
    @TempDir
    static Path dir;

    static EmbeddedKafkaBroker broker;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startBehindProxy(dir.resolve("kafka"), 0);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aFrozenBrokerAcknowledgesNothingUntilThawed() throws Exception {
        String topic = "freeze-" + UUID.randomUUID();
        broker.createTopics(List.of(topic), 1);
        producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);

        broker.freeze();
        Future<RecordMetadata> during;
        try {
            during = producer.send(new ProducerRecord<>(topic, "k", "during"));
            Future<RecordMetadata> pending = during;
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !pending.isDone());
        } finally {
            broker.thaw();
        }
        assertEquals(1, during.get(30, TimeUnit.SECONDS).offset());
        assertEquals(List.of("before", "during"), readAll(topic, 2));
    }

    @Test
    void aRestartedBrokerKeepsItsPortRecordsAndClients() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        broker.createTopics(List.of(topic), 1);
        producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
        int port = Integer.parseInt(broker.bootstrapServers().split(":")[1]);

        broker.stop();
        assertThrows(java.io.IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        broker.startAgain();

        // the same producer, reconnected by itself
        producer.send(new ProducerRecord<>(topic, "k", "after")).get(60, TimeUnit.SECONDS);
        assertEquals(List.of("before", "after"), readAll(topic, 2));
    }

    @Test
    void freezingABrokerWithoutProxyIsRefused() {
        assertFalse(broker.bootstrapServers().isEmpty());
        try (EmbeddedKafkaBroker direct = EmbeddedKafkaBroker.start(null, 0)) {
            assertThrows(IllegalStateException.class, direct::freeze);
        }
    }

    private static List<String> readAll(String topic, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= count;
            });
        }
        return values;
    }
}
