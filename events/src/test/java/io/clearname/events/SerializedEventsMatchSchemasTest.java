package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Producer side: what {@link EventJson#write} makes of each record is valid against the event's schema. */
class SerializedEventsMatchSchemasTest {

    @Test
    void serializedClearRequestedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.clearRequested());
    }

    @Test
    void serializedClearRequestedWithoutVerificationOrSecurityDatesMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.clearRequestedWithoutOptionalDates());
    }

    @Test
    void serializedAuditCompletedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.auditRejectedByReviewer());
    }

    @Test
    void serializedAutomaticApprovalWithoutUserMessageMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.auditApprovedAutomatically());
    }

    @Test
    void serializedClearingConcludedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.clearingCleared());
        assertMatchesSchema(SampleEvents.clearingRejected());
    }

    @Test
    void serializedUserNotifiedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.userNotifiedBySms());
        assertMatchesSchema(SampleEvents.emailGivenUp());
    }

    @Test
    void serializedComplaintReceivedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.complaintReceived());
    }

    @Test
    void serializedAuditDelayedMatchesItsSchema() {
        assertMatchesSchema(SampleEvents.auditDelayed());
    }

    private static void assertMatchesSchema(ClearnameEvent event) {
        var type = EventType.of(event.getClass());
        var payload = EventJson.write(event);

        assertThat(EventSchemas.validate(type, payload))
                .as("%s against %s", payload, type.schemaResource())
                .isEmpty();
    }
}
