package io.clearname.e2e;

import io.clearname.events.EventType;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
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
 * Records no consumer can process that carry personal data where no event may. In the payload: a legal name and an ID
 * number as values, once in a JSON object of the wrong shape and once in text that is not JSON. In the envelope: an ID
 * number as the key and {@code ce_id}, an email as {@code ce_subject}, an ID number and a phone number as field names,
 * all of which look like identifiers. Their dead letters must show support none of it.
 */
final class IdentityPoison {

    /** Records sent to each event topic. */
    static final int PER_TOPIC = 3;

    private IdentityPoison() {}

    /**
     * Sends {@link #PER_TOPIC} records to every event topic and returns how many dead letters each service owes.
     *
     * @param inPayload whose name and ID number go into payloads
     * @param inEnvelope whose ID number, email and phone go into keys, headers and field names
     */
    static Map<Service, Integer> send(String bootstrapServers, Person inPayload, Person inEnvelope) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String name = inPayload.legalName();
        String id = inPayload.idNumber();
        String wrongShape = "{\"requestId\": \"" + name + "\", \"accountId\": \"" + id + "\", \"legalName\": \"" + name
                + "\", \"idNumber\": \"" + id + "\"}";
        String notJson = "{\"idNumber\": " + id + ", \"legalName\": " + name + "}";
        String phoneDigits = inEnvelope.phone().substring(1);
        String shapeOnly = "{\"" + inEnvelope.idNumber() + "\": true, \"" + phoneDigits + "\": true}";
        Map<Service, Integer> owed = new EnumMap<>(Service.class);
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            for (EventType type : EventType.values()) {
                if (!Poison.CONSUMERS.containsKey(type.topic())) {
                    continue; // no consumer in the suite: nothing here would dead-letter it
                }
                String key = UUID.randomUUID().toString();
                send(producer, type, key, key, key, wrongShape);
                send(producer, type, key, "poison-" + UUID.randomUUID(), key, notJson);
                send(producer, type, inEnvelope.idNumber(), inEnvelope.idNumber(), inEnvelope.email(), shapeOnly);
                Poison.CONSUMERS.get(type.topic()).forEach(service -> owed.merge(service, PER_TOPIC, Integer::sum));
            }
        }
        return owed;
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            EventType type,
            String key,
            String id,
            String subject,
            String value) {
        var record = new ProducerRecord<>(type.topic(), key, value.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", id);
        header(record, "ce_subject", subject);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_source", "/e2e/identity-poison");
        header(record, "ce_type", type.ceType());
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("identity poison not sent to " + type.topic(), e.getCause());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
