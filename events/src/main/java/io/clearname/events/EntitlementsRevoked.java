package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clearing revoked rights that depended on the real name (topic {@code entitlements-revoked}, from
 * account-service), for the systems that carry them out: membership, billing, cloud storage. Published in the same
 * transaction as the erasure, only when something was revoked. account-service keeps the same record on the request.
 */
public record EntitlementsRevoked(UUID requestId, UUID accountId, Instant revokedAt, List<Revocation> revocations)
        implements ClearnameEvent {

    /**
     * One revoked right.
     *
     * @param entitlement {@code VIP} or {@code CLOUD_STORAGE}; consumers ignore codes they do not know
     * @param paidUntil VIP: the end of the paid period that is lost (for refunds); null when none was paid
     * @param autoRenewCancelled VIP: automatic renewal was on and is now off, so nothing may be charged again
     * @param quotaBytes CLOUD_STORAGE: the plan's quota that no longer covers the account; 0 otherwise
     * @param usedBytes CLOUD_STORAGE: what the account stored when the plan was removed; 0 otherwise
     */
    public record Revocation(
            String entitlement, Instant paidUntil, boolean autoRenewCancelled, long quotaBytes, long usedBytes) {}
}
