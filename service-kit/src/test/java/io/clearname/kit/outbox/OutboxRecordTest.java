package io.clearname.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.kit.messaging.EventReader;
import io.clearname.kit.messaging.IncomingEvent;
import io.clearname.local.testing.ClearRequestedBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire format of a published outbox row, which consumers and the AsyncAPI document rely on: the CloudEvents 1.0
 * Kafka binding in binary mode, each attribute once as a {@code ce_*} header, {@code ce_time} as
 * {@link Instant#toString()} writes it, the payload's UTF-8 bytes as the value.
 */
class OutboxRecordTest {

    private static final URI SOURCE = URI.create("account-service");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-02T09:15:30Z",
                "2026-03-02T09:15:30.100Z",
                "2026-03-02T09:15:30.120Z",
                "2026-03-02T09:15:30.123Z",
                "2026-03-02T09:15:30.123450Z",
                "2026-03-02T09:15:30.123456Z",
                "2026-03-02T09:15:30.000001Z"
            })
    void rowIsPublishedWithTheHeadersAndBytesOfTheEventContract(String time) {
        ClearRequested event = ClearRequestedBuilder.forAccount(UUID.randomUUID())
                .locale("zh-CN")
                .build();
        OutboxRow row = row(event, Instant.parse(time), event.requestId().toString());

        ProducerRecord<String, byte[]> record = row.toRecord(SOURCE);

        assertThat(record.topic()).isEqualTo("clear-requested");
        assertThat(record.key()).isEqualTo(event.accountId().toString());
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isNull();
        assertThat(record.value()).isEqualTo(row.payload().getBytes(StandardCharsets.UTF_8));
        assertThat(headers(record))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", row.id().toString(),
                        "ce_source", "account-service",
                        "ce_type", "clearname.ClearRequested.v1",
                        "ce_subject", event.requestId().toString(),
                        "ce_time", time,
                        "content-type", "application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T09:15:30.120Z", "2026-03-02T09:15:30Z"})
    void aPublishedRowReadsBackAsTheEventItWasWrittenFrom(String time) {
        ClearRequested event =
                ClearRequestedBuilder.forAccount(UUID.randomUUID()).build();
        OutboxRow row = row(event, Instant.parse(time), event.requestId().toString());
        ProducerRecord<String, byte[]> sent = row.toRecord(SOURCE);
        var received = new ConsumerRecord<>(sent.topic(), 0, 42L, sent.key(), sent.value());
        sent.headers().forEach(received.headers()::add);

        IncomingEvent<ClearRequested> read = EventReader.read(received, ClearRequested.class);

        assertThat(read)
                .isEqualTo(new IncomingEvent<>(
                        row.id().toString(),
                        "clearname.ClearRequested.v1",
                        "account-service",
                        event.requestId().toString(),
                        Instant.parse(time),
                        event));
    }

    @Test
    void aRowWithoutSubjectHasNoSubjectHeader() {
        ClearRequested event =
                ClearRequestedBuilder.forAccount(UUID.randomUUID()).build();

        ProducerRecord<String, byte[]> record = row(event, Instant.now(), null).toRecord(SOURCE);

        assertThat(headers(record)).doesNotContainKey("ce_subject").containsKey("ce_time");
    }

    private static OutboxRow row(ClearRequested event, Instant time, String subject) {
        return new OutboxRow(
                UUID.randomUUID(),
                "clear-requested",
                event.accountId().toString(),
                "clearname.ClearRequested.v1",
                "account-service",
                subject,
                time,
                EventJson.write(event));
    }

    /** Header name to value; a name that occurs twice fails the test. */
    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String previous = headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            assertThat(previous).as("header %s occurs once", header.key()).isNull();
        }
        return headers;
    }
}
