package io.clearname.e2e;

import io.clearname.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can ever process, three kinds on every event topic: a value that is not JSON, a record without
 * {@code ce_id}, and one of an unknown {@code ce_type}. Each is keyed by an account of its own, so its dead letters are
 * told from everything else by key.
 */
final class Poison {

    /** The consumers of each topic: every one of them dead-letters each poison record of the topic. */
    static final Map<String, List<Service>> CONSUMERS = Map.of(
            Topics.CLEAR_REQUESTED, List.of(Service.VERIFICATION, Service.NOTIFICATION),
            Topics.AUDIT_COMPLETED, List.of(Service.ACCOUNT),
            Topics.CLEARING_CONCLUDED, List.of(Service.NOTIFICATION, Service.VERIFICATION),
            Topics.USER_NOTIFIED, List.of(Service.ACCOUNT),
            Topics.COMPLAINT_RECEIVED, List.of(Service.NOTIFICATION),
            Topics.AUDIT_DELAYED, List.of(Service.NOTIFICATION),
            Topics.CLEARING_APPROVED, List.of(Service.NOTIFICATION),
            Topics.REVIEW_STARTED, List.of(Service.NOTIFICATION),
            Topics.COMPLAINT_ANSWERED, List.of(Service.NOTIFICATION),
            Topics.APPEAL_DECIDED, List.of(Service.NOTIFICATION));

    private Poison() {}

    /**
     * Sends the poison records to every topic a service of the suite consumes and returns their keys by topic.
     *
     * @return for each topic, the keys of its poison records
     */
    static Map<String, List<String>> send(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            for (String topic : Topics.EVENT_TOPICS) {
                if (!CONSUMERS.containsKey(topic)) {
                    continue; // for systems outside the suite, which keep their own dead-letter topics
                }
                List<String> sent = new ArrayList<>();
                sent.add(send(producer, topic, "{\"requestId\": oops".getBytes(StandardCharsets.UTF_8), true, "x"));
                sent.add(send(producer, topic, "{}".getBytes(StandardCharsets.UTF_8), false, "x"));
                sent.add(send(producer, topic, "{}".getBytes(StandardCharsets.UTF_8), true, "clearname.Unknown.v1"));
                keys.put(topic, sent);
            }
        }
        return keys;
    }

    private static String send(
            KafkaProducer<String, byte[]> producer, String topic, byte[] value, boolean withId, String type) {
        String key = UUID.randomUUID().toString();
        var record = new ProducerRecord<>(topic, key, value);
        if (withId) {
            record.headers().add("ce_id", ("poison-" + key).getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/e2e/poison".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_type", ("x".equals(type) ? expectedType(topic) : type).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("poison record not sent to " + topic, e.getCause());
        }
        return key;
    }

    private static String expectedType(String topic) {
        return java.util.Arrays.stream(io.clearname.events.EventType.values())
                .filter(type -> type.topic().equals(topic))
                .map(io.clearname.events.EventType::ceType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic));
    }
}
