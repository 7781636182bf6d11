package io.clearname.account.service;

import io.clearname.account.entity.Account;
import java.util.ArrayList;
import java.util.List;

/** The rights that depend on a verified real name, and how clearing takes them away. */
final class Entitlements {

    static final String VIP = "VIP";
    static final String CLOUD_STORAGE = "CLOUD_STORAGE";

    private Entitlements() {}

    /**
     * VIP is cancelled with its auto-renewal, cloud storage is no longer covered.
     *
     * @return what was revoked: {@link #VIP}, {@link #CLOUD_STORAGE}
     */
    static List<String> revoke(Account account) {
        List<String> revoked = new ArrayList<>();
        if (account.vipPaid || account.vipAutoRenew) {
            revoked.add(VIP);
            account.vipPaid = false;
            account.vipAutoRenew = false;
            account.vipExpiresAt = null;
        }
        if (account.cloudQuotaBytes > 0) {
            revoked.add(CLOUD_STORAGE);
            account.cloudQuotaBytes = 0;
        }
        return revoked;
    }
}
