package io.clearname.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka producers for records that must not be lost: every replica acknowledges, and retries never duplicate. A sender
 * that runs for the life of the service takes a {@link #recovering} one, which is replaced after a fatal error.
 */
public final class ReliableProducers {

    private ReliableProducers() {}

    /**
     * A producer of string keys and byte values: payloads travel as the bytes they are, written by the CloudEvents
     * binding or copied from a consumed record.
     *
     * @param kafkaConfig the application's Kafka settings ({@code @Identifier("default-kafka-broker")}); those that are
     *     not producer settings are left out
     * @param overrides settings of this producer, e.g. timeouts
     */
    public static Producer<String, byte[]> create(
            Map<String, Object> kafkaConfig, String clientId, Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putAll(overrides);
        props.keySet().removeIf(key -> !ProducerConfig.configNames().contains(key));
        return new KafkaProducer<>(props);
    }

    /**
     * A {@link RecoveringProducer} of {@link #create} producers: created at its first use, and again after an error
     * that left the previous one unusable.
     */
    public static RecoveringProducer<String, byte[]> recovering(
            Map<String, Object> kafkaConfig, String clientId, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        Map<String, Object> own = new HashMap<>(overrides);
        return new RecoveringProducer<>(clientId, () -> create(config, clientId, own));
    }
}
