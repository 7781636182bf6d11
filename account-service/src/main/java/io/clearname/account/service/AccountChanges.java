package io.clearname.account.service;

import io.clearname.account.entity.Restriction;
import java.time.Instant;
import java.util.List;

/**
 * What support sets on an account: contact points and, when it comes over from an identity platform, what it already
 * holds. A null part stays as it is.
 */
public record AccountChanges(
        String phone,
        String email,
        String locale,
        ImportedRealName realName,
        Vip vip,
        CloudStorage cloudStorage,
        Long walletBalanceCents,
        Long outstandingCreditCents,
        List<Restriction> restrictions,
        Instant lastSecurityChangeAt) {

    /** A real name verified elsewhere; {@code verifiedAt} null means now. */
    public record ImportedRealName(String legalName, String idNumber, Instant verifiedAt, List<IdImage> documents) {}

    public record Vip(boolean paid, Instant expiresAt, boolean autoRenew) {}

    public record CloudStorage(long quotaBytes, long usedBytes) {}
}
