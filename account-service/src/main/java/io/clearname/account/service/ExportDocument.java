package io.clearname.account.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The person's data export, format {@value #FORMAT}: everything this service keeps about the account, the real name in
 * full. Its JSON is the file the person downloads; fields are added, never renamed (a new format for that).
 */
public record ExportDocument(
        String format,
        UUID exportId,
        Instant exportedAt,
        UUID accountId,
        String about,
        AccountPart account,
        RealNamePart realName,
        List<DocumentPart> documents,
        EntitlementsPart entitlements,
        List<RequestPart> requests,
        List<NoticePart> notices) {

    public static final String FORMAT = "clearname-export/1";

    public record AccountPart(String phone, String email, String locale, Instant createdAt) {}

    /** {@code status}: VERIFIED or CLEARING (a request is active). */
    public record RealNamePart(String status, String legalName, String idNumber, Instant verifiedAt) {}

    /** {@code storageReference}: where the image is in the image store; null if it can no longer be decrypted. */
    public record DocumentPart(UUID documentId, String category, Instant addedAt, String storageReference) {}

    public record EntitlementsPart(
            Vip vip, CloudStorage cloudStorage, long walletBalanceCents, long outstandingCreditCents) {}

    public record Vip(boolean paid, Instant expiresAt, boolean autoRenew) {}

    public record CloudStorage(long quotaBytes, long usedBytes) {}

    public record RequestPart(
            UUID requestId,
            String status,
            Instant submittedAt,
            Instant expectedDecisionBy,
            Instant coolingOffEndsAt,
            Instant concludedAt,
            List<ClearingDetails.Reason> reasons,
            String decisionMessage,
            List<TimelinePart> timeline,
            List<ReceiptPart> receipt,
            List<RevocationPart> revocations) {}

    public record TimelinePart(Instant at, String type, String detail) {}

    public record ReceiptPart(
            String category,
            String outcome,
            String detail,
            String service,
            String retainedFor,
            Instant until,
            Instant doneAt) {}

    public record RevocationPart(
            String entitlement,
            Instant paidUntil,
            boolean autoRenewCancelled,
            long quotaBytes,
            long usedBytes,
            Instant revokedAt) {}

    /** A notice sent about a request, as its delivery was reported (the request's USER_NOTIFIED timeline entries). */
    public record NoticePart(UUID requestId, Instant at, String detail) {}
}
