package io.clearname.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of event types: the topic each is published to and its CloudEvents {@code ce_type}. One topic per
 * event type; a breaking change is a new {@code vN} type, never an edit of an existing one.
 */
public enum EventType {
    CLEAR_REQUESTED(Topics.CLEAR_REQUESTED, "clearname.ClearRequested.v1", ClearRequested.class),
    AUDIT_COMPLETED(Topics.AUDIT_COMPLETED, "clearname.AuditCompleted.v1", AuditCompleted.class),
    CLEARING_CONCLUDED(Topics.CLEARING_CONCLUDED, "clearname.ClearingConcluded.v1", ClearingConcluded.class),
    USER_NOTIFIED(Topics.USER_NOTIFIED, "clearname.UserNotified.v1", UserNotified.class),
    COMPLAINT_RECEIVED(Topics.COMPLAINT_RECEIVED, "clearname.ComplaintReceived.v1", ComplaintReceived.class),
    AUDIT_DELAYED(Topics.AUDIT_DELAYED, "clearname.AuditDelayed.v1", AuditDelayed.class),
    CLEARING_APPROVED(Topics.CLEARING_APPROVED, "clearname.ClearingApproved.v1", ClearingApproved.class),
    REVIEW_STARTED(Topics.REVIEW_STARTED, "clearname.ReviewStarted.v1", ReviewStarted.class),
    COMPLAINT_ANSWERED(Topics.COMPLAINT_ANSWERED, "clearname.ComplaintAnswered.v1", ComplaintAnswered.class),
    APPEAL_DECIDED(Topics.APPEAL_DECIDED, "clearname.AppealDecided.v1", AppealDecided.class),
    ENTITLEMENTS_REVOKED(Topics.ENTITLEMENTS_REVOKED, "clearname.EntitlementsRevoked.v1", EntitlementsRevoked.class),
    ID_DOCUMENTS_RELEASED(Topics.ID_DOCUMENTS_RELEASED, "clearname.IdDocumentsReleased.v1", IdDocumentsReleased.class);

    private final String topic;
    private final String ceType;
    private final Class<? extends ClearnameEvent> payloadType;

    EventType(String topic, String ceType, Class<? extends ClearnameEvent> payloadType) {
        this.topic = topic;
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents type, e.g. {@code clearname.ClearRequested.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends ClearnameEvent> payloadType() {
        return payloadType;
    }

    /** The JSON Schema of this type's payload, a classpath resource of this module. */
    public String schemaResource() {
        return "/schemas/" + payloadType.getSimpleName() + ".v1.schema.json";
    }

    public static EventType of(Class<? extends ClearnameEvent> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == payloadType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event type: " + payloadType.getName()));
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
