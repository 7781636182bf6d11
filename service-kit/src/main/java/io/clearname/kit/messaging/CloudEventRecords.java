package io.clearname.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventWriter;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a CloudEvent as a Kafka record with the CloudEvents SDK's Kafka protocol binding, binary mode: the attributes
 * as {@code ce_*} headers, {@code datacontenttype} as {@code content-type}, the record value the data's bytes as they
 * are. {@link EventReader} reads such records back.
 *
 * <p>One thing is not the SDK's default: {@code ce_time} is written as {@link java.time.Instant#toString()} writes it,
 * in UTC with the fraction in groups of three digits ({@code 2026-03-02T09:15:30.120Z}), as the suite has always
 * published it; the SDK's formatter drops trailing zeros ({@code 09:15:30.12Z}). Both are RFC 3339; keeping one form
 * keeps every record's headers as consumers and the AsyncAPI document know them.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {}

    /** The record of {@code event} for {@code topic} with {@code key}; partition and timestamp left to the producer. */
    public static ProducerRecord<String, byte[]> binary(String topic, String key, CloudEvent event) {
        var writer = KafkaMessageFactory.createWriter(topic, key);
        return CloudEventUtils.toReader(event).read(version -> new InstantTime<>(writer.create(version)));
    }

    /** The SDK's writer, but times written as instants. */
    private record InstantTime<R>(CloudEventWriter<R> sdk) implements CloudEventWriter<R> {

        @Override
        public CloudEventContextWriter withContextAttribute(String name, String value) {
            sdk.withContextAttribute(name, value);
            return this;
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, OffsetDateTime value) {
            return withContextAttribute(name, value.toInstant().toString());
        }

        @Override
        public R end(CloudEventData data) {
            return sdk.end(data);
        }

        @Override
        public R end() {
            return sdk.end();
        }
    }
}
