package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link EventJson#read}, of text or of bytes, turns any unreadable payload into a {@link MalformedEventException}
 * whose message is safe to log and to put in a dead-letter header: it never quotes the payload.
 */
class MalformedEventTest {

    @Test
    void truncatedPayloadIsMalformed() {
        var payload = EventJson.write(SampleEvents.clearRequested());
        var truncated = payload.substring(0, payload.indexOf(SampleEvents.ID_FINGERPRINT) + 10);

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(truncated, ClearRequested.class));

        assertThat(e.getMessage()).startsWith("ClearRequested payload is malformed at line 1");
        assertQuotesNothingFrom(e, SampleEvents.ID_FINGERPRINT.substring(0, 10));
    }

    @Test
    void payloadThatIsNotJsonIsMalformed() {
        var payload = "phone=" + SampleEvents.PHONE + "&email=" + SampleEvents.EMAIL;

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(payload, ClearRequested.class));

        assertQuotesNothingFrom(e, "phone", SampleEvents.PHONE, SampleEvents.EMAIL);
    }

    @Test
    void payloadBytesReadAsTheirTextDoes() {
        var event = SampleEvents.clearRequested();

        assertThat(EventJson.read(EventJson.write(event).getBytes(StandardCharsets.UTF_8), ClearRequested.class))
                .isEqualTo(event);
    }

    @Test
    void truncatedPayloadBytesAreMalformed() {
        var payload = EventJson.write(SampleEvents.clearRequested());
        var truncated = payload.substring(0, payload.indexOf(SampleEvents.ID_FINGERPRINT) + 10)
                .getBytes(StandardCharsets.UTF_8);

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(truncated, ClearRequested.class));

        assertThat(e.getMessage()).startsWith("ClearRequested payload is malformed at line 1");
        assertQuotesNothingFrom(e, SampleEvents.ID_FINGERPRINT.substring(0, 10));
    }

    @Test
    void payloadBytesThatAreNotUtf8AreMalformedWithoutQuotingThem() {
        var text = EventJson.write(SampleEvents.userNotifiedBySms());
        var payload = text.getBytes(StandardCharsets.UTF_8);
        // Inside the account id's string: a byte no UTF-8 text holds.
        payload[text.indexOf(SampleEvents.ACCOUNT_ID.toString()) + 4] = (byte) 0xFF;

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(payload, UserNotified.class));

        assertQuotesNothingFrom(e, SampleEvents.PHONE, SampleEvents.ACCOUNT_ID.toString());
    }

    @Test
    void emptyPayloadIsMalformed() {
        assertThrows(MalformedEventException.class, () -> EventJson.read("", UserNotified.class));
    }

    @Test
    void valueOfTheWrongTypeIsMalformedWithoutQuotingIt() throws Exception {
        var payload = (ObjectNode) EventJson.mapper().readTree(EventJson.write(SampleEvents.clearRequested()));
        // A contact detail in the wrong field: the parser's own message would quote it.
        payload.put("requestedAt", SampleEvents.EMAIL);

        var e = assertThrows(
                MalformedEventException.class, () -> EventJson.read(payload.toString(), ClearRequested.class));

        assertQuotesNothingFrom(e, SampleEvents.EMAIL, SampleEvents.PHONE, SampleEvents.ACCOUNT_ID.toString());
    }

    @Test
    void idThatIsNotAUuidIsMalformedWithoutQuotingIt() {
        var payload = EventJson.write(SampleEvents.userNotifiedBySms())
                .replace(SampleEvents.ACCOUNT_ID.toString(), SampleEvents.PHONE);

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(payload, UserNotified.class));

        assertQuotesNothingFrom(e, SampleEvents.PHONE);
    }

    /** Adding an enum constant is therefore not an additive change: older consumers dead-letter the event. */
    @Test
    void unknownEnumValueIsMalformedWithoutQuotingIt() {
        var payload = EventJson.write(SampleEvents.auditApprovedAutomatically()).replace("APPROVED", "ESCALATED");

        var e = assertThrows(MalformedEventException.class, () -> EventJson.read(payload, AuditCompleted.class));

        assertThat(e.getMessage()).startsWith("AuditCompleted payload is malformed at ");
        assertQuotesNothingFrom(e, "ESCALATED");
    }

    private static void assertQuotesNothingFrom(MalformedEventException e, String... values) {
        assertThat(e.getMessage()).doesNotContain(values);
        assertThat(e.getCause()).isNull();
    }
}
