package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schemas are not vacuous: they reject payloads a consumer could not rely on. */
class SchemaRejectionTest {

    @Test
    void rejectsClearRequestedWithoutRequestId() throws Exception {
        var payload = tree(SampleEvents.clearRequested());
        payload.remove("requestId");

        assertRejected(EventType.CLEAR_REQUESTED, payload, "requestId");
    }

    @Test
    void rejectsAuditSnapshotWithoutIdFingerprint() throws Exception {
        var payload = tree(SampleEvents.clearRequested());
        ((ObjectNode) payload.get("auditSnapshot")).remove("idFingerprint");

        assertRejected(EventType.CLEAR_REQUESTED, payload, "idFingerprint");
    }

    @Test
    void rejectsUserNotifiedWithoutAttempts() throws Exception {
        var payload = tree(SampleEvents.userNotifiedBySms());
        payload.remove("attempts");

        assertRejected(EventType.USER_NOTIFIED, payload, "attempts");
    }

    @Test
    void rejectsUnknownAuditDecision() throws Exception {
        var payload = tree(SampleEvents.auditRejectedByReviewer());
        payload.put("decision", "MAYBE");

        assertRejected(EventType.AUDIT_COMPLETED, payload, "decision");
    }

    @Test
    void rejectsUnknownReasonFinality() throws Exception {
        var payload = tree(SampleEvents.clearingRejected());
        ((ObjectNode) payload.get("reasons").get(0)).put("finality", "SOMETIMES");

        assertRejected(EventType.CLEARING_CONCLUDED, payload, "finality");
    }

    @Test
    void rejectsUnknownAcknowledgement() throws Exception {
        var payload = tree(SampleEvents.clearRequested());
        payload.withArray("acknowledgements").add("TERMS_READ");

        assertRejected(EventType.CLEAR_REQUESTED, payload, "acknowledgements");
    }

    @Test
    void rejectsUnknownNotificationChannel() throws Exception {
        var payload = tree(SampleEvents.userNotifiedBySms());
        payload.put("channel", "FAX");

        assertRejected(EventType.USER_NOTIFIED, payload, "channel");
    }

    @Test
    void rejectsNullWhereAFieldIsNotNullable() throws Exception {
        var payload = tree(SampleEvents.clearingCleared());
        payload.putNull("outcome");

        assertRejected(EventType.CLEARING_CONCLUDED, payload, "outcome");
    }

    @Test
    void rejectsRequestIdThatIsNotAUuid() throws Exception {
        var payload = tree(SampleEvents.auditApprovedAutomatically());
        payload.put("requestId", "request-1");

        assertRejected(EventType.AUDIT_COMPLETED, payload, "requestId");
    }

    /** What a mapper without {@link EventJson}'s settings would write for an Instant. */
    @Test
    void rejectsTimestampWrittenAsEpochNumber() throws Exception {
        var payload = tree(SampleEvents.clearRequested());
        payload.put("requestedAt", 1772442930.123456);

        assertRejected(EventType.CLEAR_REQUESTED, payload, "requestedAt");
    }

    @Test
    void rejectsTimestampThatIsNotAnInstant() throws Exception {
        var payload = tree(SampleEvents.userNotifiedBySms());
        payload.put("notifiedAt", "09/03/2026 09:16");

        assertRejected(EventType.USER_NOTIFIED, payload, "notifiedAt");
    }

    private static void assertRejected(EventType type, ObjectNode payload, String field) {
        Set<ValidationMessage> errors = EventSchemas.validate(type, payload);

        assertThat(errors).isNotEmpty();
        assertThat(errors)
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains(field));
    }

    private static ObjectNode tree(ClearnameEvent event) throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
    }
}
