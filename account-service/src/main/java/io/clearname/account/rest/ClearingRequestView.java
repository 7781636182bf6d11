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
        List<TimelineEntryView> timeline,
        List<ReceiptItemView> erasureReceipt) {

    /** What the clearing did with one category of data: REMOVED, REVOKED or RETAINED, and why. */
    public record ReceiptItemView(String category, String outcome, String detail) {}

    public record TimelineEntryView(Instant at, String type, String detail) {}
}
