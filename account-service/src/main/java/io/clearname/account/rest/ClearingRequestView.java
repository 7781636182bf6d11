package io.clearname.account.rest;

import io.clearname.account.entity.ClearingStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ClearingRequestView(
        UUID requestId,
        ClearingStatus status,
        Instant submittedAt,
        Instant expectedDecisionBy,
        Instant coolingOffEndsAt,
        Instant concludedAt,
        List<Reason> reasons,
        String decisionMessage,
        List<TimelineEntryView> timeline,
        List<ReceiptItemView> erasureReceipt) {

    /** What the clearing did with one category of data: REMOVED, REVOKED or RETAINED, and why. */
    public record ReceiptItemView(String category, String outcome, String detail) {}

    /**
     * A reason code of the audit's decision; FINAL: a new request fails the same way, RETRY: it may succeed later.
     * {@code text} explains it in the account's language (zh-CN or en).
     */
    public record Reason(String code, String finality, String text) {}

    public record TimelineEntryView(Instant at, String type, String detail) {}
}
