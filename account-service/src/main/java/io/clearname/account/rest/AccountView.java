package io.clearname.account.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Support's view of an account; the real name appears masked only. */
public record AccountView(
        UUID id,
        String phone,
        String email,
        String locale,
        Instant createdAt,
        RealNameView realName,
        Vip vip,
        CloudStorage cloudStorage,
        long walletBalanceCents,
        long outstandingCreditCents,
        List<String> restrictions,
        Instant lastSecurityChangeAt) {

    public record Vip(boolean paid, Instant expiresAt, boolean autoRenew) {}

    public record CloudStorage(long quotaBytes, long usedBytes) {}
}
