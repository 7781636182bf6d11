package io.clearname.account.rest;

import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.service.ClearingDetails;
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

    public static ClearingRequestView of(ClearingDetails details) {
        var request = details.request();
        return new ClearingRequestView(
                request.id,
                request.status,
                request.submittedAt,
                request.expectedDecisionBy,
                request.coolingOffEndsAt,
                request.concludedAt,
                details.reasons().stream()
                        .map(r -> new Reason(r.code(), r.finality(), r.text()))
                        .toList(),
                request.decisionMessage,
                details.timeline().stream()
                        .map(e -> new TimelineEntryView(e.at, e.type, e.detail))
                        .toList(),
                details.receipt().stream()
                        .map(i -> new ReceiptItemView(i.category, i.outcome.name(), i.detail))
                        .toList());
    }

    /** What the clearing did with one category of data: REMOVED, REVOKED or RETAINED, and why. */
    public record ReceiptItemView(String category, String outcome, String detail) {}

    /**
     * A reason code of the audit's decision; FINAL: a new request fails the same way, RETRY: it may succeed later.
     * {@code text} explains it in the account's language (zh-CN or en).
     */
    public record Reason(String code, String finality, String text) {}

    public record TimelineEntryView(Instant at, String type, String detail) {}
}
