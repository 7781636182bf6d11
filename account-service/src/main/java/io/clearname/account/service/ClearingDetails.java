package io.clearname.account.service;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.EntitlementRevocation;
import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.TimelineEntry;
import java.util.List;

/**
 * A clearing request with what its owner reads about it: reasons in their language, timeline, erasure receipt and the
 * rights the erasure revoked, as they were.
 */
public record ClearingDetails(
        ClearingRequest request,
        List<Reason> reasons,
        List<TimelineEntry> timeline,
        List<ErasureReceiptItem> receipt,
        List<EntitlementRevocation> revocations) {

    /** A reason code of the audit's decision, its finality (FINAL or RETRY) and its text in the account's language. */
    public record Reason(String code, String finality, String text) {}
}
