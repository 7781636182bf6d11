package io.clearname.account.service;

import io.clearname.account.entity.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rights that depend on a verified real name, and how clearing takes them away. */
final class Entitlements {

    static final String VIP = "VIP";
    static final String CLOUD_STORAGE = "CLOUD_STORAGE";

    private Entitlements() {}

    /**
     * What one right was just before clearing took it away, for the systems that carry the revocation out (refunds,
     * billing) and for the person's record.
     *
     * @param paidUntil VIP: the end of the paid period that is lost; null when none was paid
     * @param autoRenewCancelled VIP: automatic renewal was on and is now off
     * @param quotaBytes CLOUD_STORAGE: the plan's quota that no longer covers the account; 0 otherwise
     * @param usedBytes CLOUD_STORAGE: what the account stored then; 0 otherwise
     */
    record Revoked(
            String entitlement, Instant paidUntil, boolean autoRenewCancelled, long quotaBytes, long usedBytes) {}

    /**
     * VIP is cancelled with its auto-renewal, cloud storage is no longer covered. What each was is read before it is
     * changed.
     *
     * @return what was revoked, {@link #VIP} before {@link #CLOUD_STORAGE}; empty when the account held neither
     */
    static List<Revoked> revoke(Account account) {
        List<Revoked> revoked = new ArrayList<>();
        if (account.vipPaid || account.vipAutoRenew) {
            revoked.add(new Revoked(VIP, account.vipPaid ? account.vipExpiresAt : null, account.vipAutoRenew, 0, 0));
            account.vipPaid = false;
            account.vipAutoRenew = false;
            account.vipExpiresAt = null;
        }
        if (account.cloudQuotaBytes > 0) {
            revoked.add(new Revoked(CLOUD_STORAGE, null, false, account.cloudQuotaBytes, account.cloudUsedBytes));
            account.cloudQuotaBytes = 0;
        }
        return revoked;
    }
}
