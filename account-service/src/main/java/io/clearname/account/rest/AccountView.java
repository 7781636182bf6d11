package io.clearname.account.rest;

import io.clearname.account.service.AccountDetails;
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

    public static AccountView of(AccountDetails details) {
        var account = details.account();
        return new AccountView(
                account.id,
                account.phone,
                account.email,
                account.locale,
                account.createdAt,
                RealNameView.of(details.realName()),
                new Vip(account.vipPaid, account.vipExpiresAt, account.vipAutoRenew),
                new CloudStorage(account.cloudQuotaBytes, account.cloudUsedBytes),
                account.walletBalanceCents,
                account.outstandingCreditCents,
                account.restrictionList(),
                account.lastSecurityChangeAt);
    }

    public record Vip(boolean paid, Instant expiresAt, boolean autoRenew) {}

    public record CloudStorage(long quotaBytes, long usedBytes) {}
}
