package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.service.PreflightReport.Blocker;
import io.clearname.account.service.PreflightReport.Consequence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The blockers and consequences of clearing an account's real name, derived from what the account holds. */
final class Preflight {

    static final String BACKUP_REMINDER = "Back up important account information, such as contacts and photos, before"
            + " clearing: once cleared it cannot be recovered.";

    /** Services of the platform that need a verified real name; they stop working until a real name is bound again. */
    static final List<String> REAL_NAME_SERVICES = List.of("payments", "wallet top-up", "game time limits for adults");

    private Preflight() {}

    static List<Blocker> blockers(Account account, boolean verified, boolean activeRequest) {
        List<Blocker> blockers = new ArrayList<>();
        if (!verified) {
            blockers.add(new Blocker(
                    "NOT_VERIFIED", "The account has no verified real name.", "There is nothing to clear."));
        }
        if (activeRequest) {
            blockers.add(new Blocker(
                    "ACTIVE_REQUEST",
                    "A clearing request is already in progress.",
                    "Wait for its outcome or withdraw it."));
        }
        if (account.walletBalanceCents > 0) {
            blockers.add(new Blocker(
                    "WALLET_BALANCE",
                    "The wallet holds " + money(account.walletBalanceCents) + ".",
                    "Spend or withdraw the wallet balance first."));
        }
        if (account.outstandingCreditCents > 0) {
            blockers.add(new Blocker(
                    "OUTSTANDING_CREDIT",
                    "There is " + money(account.outstandingCreditCents) + " of outstanding credit.",
                    "Repay the outstanding credit first."));
        }
        if (account.vipAutoRenew) {
            blockers.add(new Blocker(
                    "AUTO_RENEW_ACTIVE",
                    "VIP membership renews automatically.",
                    "Turn off VIP auto-renewal first, so nothing is charged after clearing."));
        }
        return blockers;
    }

    static List<Consequence> consequences(Account account, Instant now) {
        List<Consequence> consequences = new ArrayList<>();
        if (account.vipPaid && account.vipExpiresAt != null && account.vipExpiresAt.isAfter(now)) {
            long days = Duration.between(now, account.vipExpiresAt).toDays();
            consequences.add(
                    new Consequence("VIP_LOST", "VIP membership ends at once: " + days + " paid day(s) are lost."));
        }
        if (account.cloudQuotaBytes > 0) {
            consequences.add(new Consequence(
                    "CLOUD_STORAGE_UNCOVERED",
                    account.cloudUsedBytes + " bytes in cloud storage will no longer be covered by the "
                            + account.cloudQuotaBytes + "-byte plan."));
        }
        consequences.add(new Consequence(
                "REAL_NAME_SERVICES",
                "These services need a verified real name and stop until you verify again: "
                        + String.join(", ", REAL_NAME_SERVICES) + "."));
        return consequences;
    }

    private static String money(long cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
