package io.clearname.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.MalformedEventException;
import io.clearname.local.testing.ClearRequestedBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What {@link EventReader} accepts, and that every record it refuses throws a {@link MalformedEventException} whose
 * message names what is wrong and quotes neither the payload nor the refused header value.
 */
class EventReaderTest {

    private static final String PHONE = "+8613912345678";
    private static final String EMAIL = "zhang.san@example.com";

    private final UUID account = UUID.randomUUID();
    private final ClearRequested event =
            ClearRequestedBuilder.forAccount(account).contact(PHONE, EMAIL).build();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] value = EventJson.write(event).getBytes(StandardCharsets.UTF_8);

    EventReaderTest() {
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10");
        headers.put("ce_source", "account-service");
        headers.put("ce_type", "clearname.ClearRequested.v1");
        headers.put("ce_subject", event.requestId().toString());
        headers.put("ce_time", "2026-03-02T09:15:30.120Z");
        headers.put("content-type", "application/json");
    }

    @Test
    void aRecordOfTheContractIsReadWithItsAttributes() {
        IncomingEvent<ClearRequested> read = EventReader.read(record(), ClearRequested.class);

        assertThat(read)
                .isEqualTo(new IncomingEvent<>(
                        "6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10",
                        "clearname.ClearRequested.v1",
                        "account-service",
                        event.requestId().toString(),
                        Instant.parse("2026-03-02T09:15:30.120Z"),
                        event));
    }

    @Test
    void optionalAttributesMayBeMissingAndUnknownHeadersAreIgnored() {
        headers.remove("ce_subject");
        headers.remove("ce_time");
        headers.remove("content-type");
        headers.put("ce_traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.put("dead-letter-reason", "an earlier attempt");

        IncomingEvent<ClearRequested> read = EventReader.read(record(), ClearRequested.class);

        assertThat(read.subject()).isNull();
        assertThat(read.time()).isNull();
        assertThat(read.payload()).isEqualTo(event);
    }

    @Test
    void aRecordWithoutIdIsMalformed() {
        headers.remove("ce_id");

        assertMalformed("record has no ce_id header");
    }

    @Test
    void aRecordWithAnEmptyIdIsMalformed() {
        headers.put("ce_id", " ");

        assertMalformed("record has an empty ce_id header");
    }

    @Test
    void aRecordWithoutTypeIsMalformed() {
        headers.remove("ce_type");

        assertMalformed("record has no ce_type header");
    }

    @Test
    void aRecordOfAnotherTypeIsMalformed() {
        headers.put("ce_type", "clearname.ClearRequested.v2\n");

        assertMalformed("record 6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10 has ce_type clearname.ClearRequested.v2?, "
                + "expected clearname.ClearRequested.v1");
    }

    @Test
    void aRecordWithoutSourceIsMalformed() {
        headers.remove("ce_source");

        assertMalformed("record has no ce_source header");
    }

    @Test
    void aRecordWithoutSpecVersionIsNotACloudEvent() {
        headers.remove("ce_specversion");

        assertMalformed(
                "record is not a binary-mode CloudEvent: no ce_specversion header, or a structured-mode content-type");
    }

    @Test
    void aStructuredModeRecordIsNotABinaryModeCloudEvent() {
        headers.put("content-type", "application/cloudevents+json");

        assertMalformed(
                "record is not a binary-mode CloudEvent: no ce_specversion header, or a structured-mode content-type");
    }

    @Test
    void aRecordOfAnotherSpecVersionIsMalformed() {
        headers.put("ce_specversion", PHONE);

        assertMalformed("record has a ce_specversion other than 1.0");
    }

    @Test
    void aRecordOfAnEarlierSpecVersionIsMalformed() {
        headers.put("ce_specversion", "0.3");

        assertMalformed("record 6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10 has ce_specversion 0.3, expected 1.0");
    }

    @Test
    void aTimeThatIsNotAnRfc3339TimestampIsMalformed() {
        headers.put("ce_time", PHONE);

        assertMalformed("ce_time is not an RFC 3339 timestamp");
    }

    @Test
    void aSourceThatIsNotAUriIsMalformed() {
        headers.put("ce_source", EMAIL + " " + PHONE);

        assertMalformed("ce_source or ce_dataschema is not a URI reference");
    }

    @Test
    void aHeaderThatNamesNoValidAttributeIsMalformed() {
        headers.put("ce_trace-id", PHONE);

        assertMalformed("a ce_ header names no valid attribute (lower-case letters and digits only)");
    }

    @Test
    void aRecordWithoutPayloadIsMalformed() {
        value = null;

        assertMalformed("record 6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10 has no payload");
    }

    @Test
    void aRecordWithAnEmptyPayloadIsMalformed() {
        value = new byte[0];

        assertMalformed("record 6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10 has no payload");
    }

    @Test
    void aPayloadThatIsNotJsonIsMalformed() {
        value = ("phone=" + PHONE + "&email=" + EMAIL).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventReader.read(record(), ClearRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("ClearRequested payload is malformed at line 1")
                .message()
                .doesNotContain(PHONE, EMAIL, "phone");
    }

    @Test
    void aPayloadWithoutItsIdsIsMalformed() {
        value = "{\"locale\":\"en\"}".getBytes(StandardCharsets.UTF_8);

        assertMalformed("record 6b1a0f5e-2f7e-4c1e-9f43-0d3c1d1a9b10 lacks requestId or accountId");
    }

    private void assertMalformed(String message) {
        assertThatThrownBy(() -> EventReader.read(record(), ClearRequested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage(message)
                .message()
                .doesNotContain(PHONE.substring(1), EMAIL, account.toString());
    }

    private ConsumerRecord<String, byte[]> record() {
        var record = new ConsumerRecord<>("clear-requested", 0, 7L, account.toString(), value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
