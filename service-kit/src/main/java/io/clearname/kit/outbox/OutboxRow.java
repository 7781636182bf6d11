package io.clearname.kit.outbox;

import io.clearname.kit.messaging.CloudEventRecords;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A pending row of {@code outbox_event}, as the relay publishes it. */
record OutboxRow(
        UUID id, String topic, String key, String type, String source, String subject, Instant time, String payload) {

    private static final String JSON = "application/json";

    /**
     * This row as a CloudEvents 1.0 record, written by the SDK's Kafka binding in binary mode
     * ({@link CloudEventRecords}): {@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type},
     * {@code ce_subject}, {@code ce_time} and {@code content-type: application/json} as headers, the payload's UTF-8
     * bytes as the value, keyed by account.
     *
     * @param source this row's {@code ce_source}, parsed once per round by the caller
     */
    ProducerRecord<String, byte[]> toRecord(URI source) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(JSON, payload.getBytes(StandardCharsets.UTF_8))
                .build();
        return CloudEventRecords.binary(topic, key, event);
    }
}
