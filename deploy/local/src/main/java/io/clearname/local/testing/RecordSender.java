package io.clearname.local.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records exactly as given (key, value, headers) and waits for each acknowledgement: how tests play another
 * service, redeliver an event or inject a poison record, bypassing any outbox.
 */
public final class RecordSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public RecordSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** One record with {@code headers} (null values are left out). */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        var record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> {
            if (v != null) {
                record.headers().add(name, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }

    /**
     * One record with the CloudEvents headers {@code ce_specversion}, {@code ce_id}, {@code ce_type} (null: left out)
     * and {@code ce_source} ({@link EventRecords#SOURCE}): the attributes every CloudEvent must have.
     */
    public void sendCloudEvent(String topic, String key, String value, String ceId, String ceType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", ceId);
        headers.put("ce_type", ceType);
        headers.put("ce_source", EventRecords.SOURCE);
        send(topic, key, value, headers);
    }

    /** One record, with a producer of its own. */
    public static void send(
            String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        try (var sender = new RecordSender(bootstrapServers)) {
            sender.send(topic, key, value, headers);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
