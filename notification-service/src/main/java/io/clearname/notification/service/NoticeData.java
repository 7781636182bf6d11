package io.clearname.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clearname.events.EventJson;
import io.clearname.events.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * What a notice says beyond its kind, taken from its trigger event and stored with the job (as JSON) so that it can
 * be rendered later, in the language of a contact snapshot that may not have arrived yet. Never a contact point.
 *
 * @param requestedAt RECEIPT: when the request was made
 * @param expectedDecisionBy RECEIPT, COMPLAINT_RECEIVED: when the decision is due; AUDIT_DELAYED: the due date that
 *     passed
 * @param concludedAt CLEARED, REJECTED, WITHDRAWN: when the request concluded
 * @param reasons REJECTED: the reason codes with their finality
 * @param revokedEntitlements CLEARED: the entitlements revoked, as codes (VIP_MEMBERSHIP, CLOUD_STORAGE, ...)
 * @param receivedAt COMPLAINT_RECEIVED: when the complaint was received
 */
public record NoticeData(
        Instant requestedAt,
        Instant expectedDecisionBy,
        Instant concludedAt,
        List<Reason> reasons,
        List<String> revokedEntitlements,
        Instant receivedAt) {

    /** More than any real event carries; keeps the JSON within its column whatever a producer sends. */
    static final int MAX_ITEMS = 20;

    static final int MAX_CODE_LENGTH = 64;

    public NoticeData {
        reasons = reasons == null
                ? List.of()
                : reasons.stream()
                        .filter(r -> r != null && r.code() != null)
                        .limit(MAX_ITEMS)
                        .map(r -> new Reason(cut(r.code()), r.finality()))
                        .toList();
        revokedEntitlements = revokedEntitlements == null
                ? List.of()
                : revokedEntitlements.stream()
                        .filter(e -> e != null && !e.isBlank())
                        .limit(MAX_ITEMS)
                        .map(NoticeData::cut)
                        .toList();
    }

    static NoticeData empty() {
        return new NoticeData(null, null, null, List.of(), List.of(), null);
    }

    String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice data not writable", e);
        }
    }

    static NoticeData fromJson(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try {
            return EventJson.mapper().readValue(json, NoticeData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("notice data not readable", e);
        }
    }

    private static String cut(String code) {
        return code.length() > MAX_CODE_LENGTH ? code.substring(0, MAX_CODE_LENGTH) : code;
    }
}
