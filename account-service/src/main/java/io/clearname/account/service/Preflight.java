package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.entity.Restriction;
import io.clearname.account.service.PreflightReport.AcknowledgementText;
import io.clearname.account.service.PreflightReport.Blocker;
import io.clearname.account.service.PreflightReport.Consequence;
import io.clearname.events.Acknowledgement;
import io.clearname.kit.pii.PiiMasking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blockers and consequences of clearing an account's real name, derived from what the account holds, in a language
 * of {@link Texts} (bundle {@code i18n/preflight}).
 */
final class Preflight {

    static final String ACTIVE_REQUEST = "ACTIVE_REQUEST";

    private static final String TEXTS = "preflight";

    private Preflight() {}

    /** The whole report; {@code language} is a supported language ({@link Texts#language}). */
    static PreflightReport report(
            Account account,
            boolean verified,
            boolean activeRequest,
            String language,
            Instant now,
            Instant decisionBy,
            Instant lastExportAt) {
        String maskedPhone = PiiMasking.maskPhone(account.phone);
        String maskedEmail = PiiMasking.maskEmail(account.email);
        return new PreflightReport(
                language,
                blockers(account, verified, activeRequest, language),
                consequences(account, now, language),
                Texts.of(TEXTS, "backup.reminder", language),
                maskedPhone,
                maskedEmail,
                Arrays.stream(Acknowledgement.values())
                        .map(a -> new AcknowledgementText(
                                a, Texts.of(TEXTS, "acknowledgement." + a.name(), language, maskedPhone, maskedEmail)))
                        .toList(),
                decisionBy,
                lastExportAt);
    }

    /**
     * What stops a clearing now, in {@code language}: the submission refuses the same list. Restrictions and
     * obligations are also checked again when the erasure is due ({@link ErasureGate}).
     */
    static List<Blocker> blockers(Account account, boolean verified, boolean activeRequest, String language) {
        List<Blocker> blockers = new ArrayList<>();
        if (!verified) {
            blockers.add(blocker("NOT_VERIFIED", language));
        }
        if (activeRequest) {
            blockers.add(blocker(ACTIVE_REQUEST, language));
        }
        // Each restriction is its own blocker: the person asks customer service about a named one.
        for (Restriction restriction : restrictionsOf(account)) {
            blockers.add(blocker(restriction.name(), language));
        }
        if (account.walletBalanceCents > 0) {
            blockers.add(blocker("WALLET_BALANCE", language, HumanFormats.money(account.walletBalanceCents)));
        }
        if (account.outstandingCreditCents > 0) {
            blockers.add(blocker("OUTSTANDING_CREDIT", language, HumanFormats.money(account.outstandingCreditCents)));
        }
        if (account.vipAutoRenew) {
            blockers.add(blocker("AUTO_RENEW_ACTIVE", language));
        }
        return blockers;
    }

    static List<Restriction> restrictionsOf(Account account) {
        return account.restrictionList().stream()
                .map(Restriction::valueOf)
                .sorted()
                .toList();
    }

    static List<Consequence> consequences(Account account, Instant now, String language) {
        List<Consequence> consequences = new ArrayList<>();
        if (account.vipPaid && account.vipExpiresAt != null && account.vipExpiresAt.isAfter(now)) {
            long days = Duration.between(now, account.vipExpiresAt).toDays();
            consequences.add(consequence("VIP_LOST", language, days));
        }
        if (account.cloudQuotaBytes > 0) {
            consequences.add(consequence(
                    "CLOUD_STORAGE_UNCOVERED",
                    language,
                    HumanFormats.bytes(account.cloudUsedBytes),
                    HumanFormats.bytes(account.cloudQuotaBytes)));
        }
        consequences.add(consequence("REAL_NAME_SERVICES", language));
        return consequences;
    }

    private static Blocker blocker(String code, String language, Object... arguments) {
        return new Blocker(
                code,
                Texts.of(TEXTS, "blocker." + code + ".message", language, arguments),
                Texts.of(TEXTS, "blocker." + code + ".resolution", language));
    }

    private static Consequence consequence(String code, String language, Object... arguments) {
        return new Consequence(code, Texts.of(TEXTS, "consequence." + code, language, arguments));
    }
}
