package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A consumer built against v1 keeps working when a producer adds fields (the additive-change rule). */
class UnknownFieldsTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readIgnoresUnknownTopLevelFields(EventType type) throws Exception {
        var original = SampleEvents.of(type);
        var payload = tree(original);
        payload.put("addedLater", "a value an older consumer has never seen");
        payload.putObject("addedLaterObject").put("nested", 42).putArray("list").add(1);

        assertThat(EventJson.read(payload.toString(), type.payloadType())).isEqualTo(original);
    }

    @Test
    void readIgnoresUnknownFieldsInClearRequestedContactAndSnapshot() throws Exception {
        var original = SampleEvents.clearRequested();
        var payload = tree(original);
        ((ObjectNode) payload.get("contact")).put("wechat", "user-example");
        ((ObjectNode) payload.get("auditSnapshot")).put("deviceCount", 3);

        assertThat(EventJson.read(payload.toString(), ClearRequested.class)).isEqualTo(original);
        assertThat(EventSchemas.validate(EventType.CLEAR_REQUESTED, payload)).isEmpty();
    }

    @Test
    void readIgnoresUnknownFieldsInReasons() throws Exception {
        var audit = SampleEvents.auditRejectedByReviewer();
        var auditPayload = tree(audit);
        ((ObjectNode) auditPayload.get("reasons").get(0)).put("appealUntil", "2026-04-01T00:00:00Z");

        var concluded = SampleEvents.clearingRejected();
        var concludedPayload = tree(concluded);
        ((ObjectNode) concludedPayload.get("reasons").get(0)).put("ruleVersion", 7);

        assertThat(EventJson.read(auditPayload.toString(), AuditCompleted.class))
                .isEqualTo(audit);
        assertThat(EventJson.read(concludedPayload.toString(), ClearingConcluded.class))
                .isEqualTo(concluded);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemasAllowUnknownFields(EventType type) throws Exception {
        var payload = tree(SampleEvents.of(type));
        payload.put("addedLater", true);

        assertThat(EventSchemas.validate(type, payload)).isEmpty();
    }

    private static ObjectNode tree(ClearnameEvent event) throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
    }
}
