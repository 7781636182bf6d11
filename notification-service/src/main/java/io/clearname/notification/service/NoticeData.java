package io.clearname.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clearname.events.ClearingConcluded.ReceiptLine;
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
 * @param expectedDecisionBy RECEIPT, COMPLAINT_RECEIVED, IN_REVIEW: when the decision is due; AUDIT_DELAYED: the due
 *     date that passed
 * @param concludedAt CLEARED, REJECTED, WITHDRAWN: when the request concluded
 * @param reasons REJECTED: the reason codes with their finality; APPEAL_DECIDED: the reasons that stand (UPHELD) or
 *     were set aside (OVERTURNED)
 * @param revokedEntitlements CLEARED: the entitlements revoked, as codes (VIP, CLOUD_STORAGE, ...)
 * @param receivedAt COMPLAINT_RECEIVED: when the complaint was received
 * @param happenedAt APPROVED: when it was approved; IN_REVIEW: when the review started; COMPLAINT_ANSWERED: when the
 *     complaint was answered; APPEAL_DECIDED: when the appeal was decided
 * @param erasureAt APPROVED: when the real name is erased unless the request is withdrawn first
 * @param complaintKind COMPLAINT_RECEIVED: ESCALATION, APPEAL, COMPLAINT, or null (producers before the kind existed)
 * @param text COMPLAINT_ANSWERED: the answer (masked by its producer); APPEAL_DECIDED: the reviewer's message, if any.
 *     Personal words of staff to the person: never logged
 * @param appealOutcome APPEAL_DECIDED: UPHELD or OVERTURNED
 * @param newRequestUntil APPEAL_DECIDED OVERTURNED: until when a new request is not rejected for the reasons set aside
 * @param receipt CLEARED: what the erasure did with each category of data; null when the event carried none
 */
public record NoticeData(
        Instant requestedAt,
        Instant expectedDecisionBy,
        Instant concludedAt,
        List<Reason> reasons,
        List<String> revokedEntitlements,
        Instant receivedAt,
        Instant happenedAt,
        Instant erasureAt,
        String complaintKind,
        String text,
        String appealOutcome,
        Instant newRequestUntil,
        List<ReceiptLine> receipt) {

    /** More than any real event carries; keeps the JSON within its column whatever a producer sends. */
    static final int MAX_ITEMS = 20;

    static final int MAX_CODE_LENGTH = 64;

    /** A complaint's answer is at most this long (the event's contract); a reviewer's message is cut to it. */
    public static final int MAX_TEXT_LENGTH = 2000;

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
        // Null stays null: a CLEARED without a receipt says less than one with an empty receipt.
        receipt = receipt == null
                ? null
                : receipt.stream()
                        .filter(l -> l != null && l.category() != null && l.outcome() != null)
                        .limit(MAX_ITEMS)
                        .map(l -> new ReceiptLine(cut(l.category()), cut(l.outcome())))
                        .toList();
        complaintKind = complaintKind == null ? null : cut(complaintKind);
        appealOutcome = appealOutcome == null ? null : cut(appealOutcome);
        text = text == null || text.isBlank()
                ? null
                : text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH - 1) + "…" : text.strip();
    }

    /** The data of the first notice kinds, which had nothing more. */
    public NoticeData(
            Instant requestedAt,
            Instant expectedDecisionBy,
            Instant concludedAt,
            List<Reason> reasons,
            List<String> revokedEntitlements,
            Instant receivedAt) {
        this(
                requestedAt,
                expectedDecisionBy,
                concludedAt,
                reasons,
                revokedEntitlements,
                receivedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static NoticeData empty() {
        return new NoticeData(null, null, null, List.of(), List.of(), null);
    }

    /** RECEIPT. */
    public static NoticeData receipt(Instant requestedAt, Instant expectedDecisionBy) {
        return new NoticeData(requestedAt, expectedDecisionBy, null, List.of(), List.of(), null);
    }

    /** CLEARED, REJECTED, WITHDRAWN. */
    public static NoticeData concluded(
            Instant concludedAt, List<Reason> reasons, List<String> revokedEntitlements, List<ReceiptLine> receipt) {
        return new NoticeData(
                null,
                null,
                concludedAt,
                reasons,
                revokedEntitlements,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                receipt);
    }

    /** COMPLAINT_RECEIVED. */
    public static NoticeData complaintReceived(Instant receivedAt, Instant expectedDecisionBy, String kind) {
        return new NoticeData(
                null,
                expectedDecisionBy,
                null,
                List.of(),
                List.of(),
                receivedAt,
                null,
                null,
                kind,
                null,
                null,
                null,
                null);
    }

    /** AUDIT_DELAYED. */
    public static NoticeData auditDelayed(Instant dueDatePassed) {
        return new NoticeData(null, dueDatePassed, null, List.of(), List.of(), null);
    }

    /** APPROVED. */
    public static NoticeData approved(Instant approvedAt, Instant erasureAt) {
        return new NoticeData(
                null, null, null, List.of(), List.of(), null, approvedAt, erasureAt, null, null, null, null, null);
    }

    /** IN_REVIEW. */
    public static NoticeData inReview(Instant startedAt, Instant expectedDecisionBy) {
        return new NoticeData(
                null,
                expectedDecisionBy,
                null,
                List.of(),
                List.of(),
                null,
                startedAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** COMPLAINT_ANSWERED. */
    public static NoticeData complaintAnswered(Instant answeredAt, String answer) {
        return new NoticeData(
                null, null, null, List.of(), List.of(), null, answeredAt, null, null, answer, null, null, null);
    }

    /** APPEAL_DECIDED. */
    public static NoticeData appealDecided(
            Instant decidedAt, String outcome, List<Reason> reasons, String message, Instant newRequestUntil) {
        return new NoticeData(
                null,
                null,
                null,
                reasons,
                List.of(),
                null,
                decidedAt,
                null,
                null,
                message,
                outcome,
                newRequestUntil,
                null);
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
