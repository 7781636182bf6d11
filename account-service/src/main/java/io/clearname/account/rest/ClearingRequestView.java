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
        List<ReceiptItemView> erasureReceipt,
        List<RevocationView> revocations) {

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
                        .map(i -> new ReceiptItemView(
                                i.category, i.outcome.name(), i.detail, i.service, i.retainedFor, i.until, i.doneAt))
                        .toList(),
                details.revocations().stream()
                        .map(r -> new RevocationView(
                                r.entitlement,
                                r.paidUntil,
                                r.autoRenewCancelled,
                                r.quotaBytes,
                                r.usedBytes,
                                r.revokedAt))
                        .toList());
    }

    /**
     * What the clearing did with one category of data: REMOVED, REVOKED, RETAINED or SCHEDULED (to be done after the
     * erasure; REMOVED with {@code doneAt} once done), in words ({@code detail}, the account's language). {@code
     * service}: where the data is (account-service, verification-service, notification-service, event-log,
     * image-store). RETAINED with a limit: {@code retainedFor} (ISO-8601 period) and, when known, {@code until}.
     */
    public record ReceiptItemView(
            String category,
            String outcome,
            String detail,
            String service,
            String retainedFor,
            Instant until,
            Instant doneAt) {}

    /**
     * A right the erasure took away, as it was: VIP ({@code paidUntil}, the paid period lost, null if none; {@code
     * autoRenewCancelled}) or CLOUD_STORAGE ({@code quotaBytes}, {@code usedBytes}).
     */
    public record RevocationView(
            String entitlement,
            Instant paidUntil,
            boolean autoRenewCancelled,
            long quotaBytes,
            long usedBytes,
            Instant revokedAt) {}

    /**
     * A reason code of the audit's decision; FINAL: a new request fails the same way, RETRY: it may succeed later.
     * {@code text} explains it in the account's language (zh-CN or en).
     */
    public record Reason(String code, String finality, String text) {}

    public record TimelineEntryView(Instant at, String type, String detail) {}
}
