package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clearing request reached its terminal state (topic {@code clearing-concluded}, from account-service). Exactly
 * one per request. {@code CLEARED} is published only after the real-name data is gone.
 *
 * @param receipt CLEARED: what the erasure did with each category of data; null otherwise
 */
public record ClearingConcluded(
        UUID requestId,
        UUID accountId,
        Outcome outcome,
        List<Reason> reasons,
        List<String> revokedEntitlements,
        Instant concludedAt,
        List<ReceiptLine> receipt)
        implements ClearnameEvent {

    /** A conclusion without a receipt: every REJECTED and WITHDRAWN one, and CLEARED from producers before it. */
    public ClearingConcluded(
            UUID requestId,
            UUID accountId,
            Outcome outcome,
            List<Reason> reasons,
            List<String> revokedEntitlements,
            Instant concludedAt) {
        this(requestId, accountId, outcome, reasons, revokedEntitlements, concludedAt, null);
    }

    /**
     * One line of a CLEARED request's erasure receipt, so that the notice says exactly what was done. The detail and
     * the retention periods stay on the request in account-service.
     *
     * @param category what the line is about: LEGAL_NAME, ID_NUMBER, DATA_KEY, ID_DOCUMENT_REFERENCES,
     *     ID_DOCUMENT_IMAGES, VIP, CLOUD_STORAGE, ID_FINGERPRINT, CONTACT_SNAPSHOT, ...; consumers skip categories they
     *     do not know
     * @param outcome REMOVED, REVOKED, RETAINED or SCHEDULED (to be done after the erasure, by a job or another system)
     */
    public record ReceiptLine(String category, String outcome) {}

    public enum Outcome {
        CLEARED,
        REJECTED,
        WITHDRAWN
    }
}
