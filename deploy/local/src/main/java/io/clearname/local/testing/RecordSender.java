package io.clearname.local.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends one record exactly as given (key, value, headers) and waits for the acknowledgement: how tests play another
 * service, redeliver an event or inject a poison record.
 */
public final class RecordSender {

    private RecordSender() {}

    public static void send(
            String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> {
                if (v != null) {
                    record.headers().add(name, v.getBytes(StandardCharsets.UTF_8));
                }
            });
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }
}
