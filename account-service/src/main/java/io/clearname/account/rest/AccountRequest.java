package io.clearname.account.rest;

import io.clearname.account.entity.Restriction;
import io.clearname.account.service.AccountChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.groups.Default;
import java.time.Instant;
import java.util.List;

/**
 * An account as support creates it (POST) or changes it (PATCH): the contact points notices go to and, when it is
 * brought over from an identity platform, what it already holds. On PATCH every field is optional and a field left out
 * stays as it is; on POST, validated with {@link OnCreate}, phone and email are required.
 */
public record AccountRequest(
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 phone number")
        String phone,

        @NotBlank(groups = OnCreate.class) @Email String email,

        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
        String locale,

        @Valid AccountImport.RealName realName,
        @Valid AccountImport.Vip vip,
        @Valid AccountImport.CloudStorage cloudStorage,
        @PositiveOrZero Long walletBalanceCents,
        @PositiveOrZero Long outstandingCreditCents,
        List<Restriction> restrictions,
        @PastOrPresent Instant lastSecurityChangeAt) {

    public AccountChanges toChanges() {
        return new AccountChanges(
                phone,
                email,
                locale,
                realName == null
                        ? null
                        : new AccountChanges.ImportedRealName(
                                realName.legalName(),
                                realName.idNumber(),
                                realName.verifiedAt(),
                                DocumentReference.toImages(realName.documents())),
                vip == null ? null : new AccountChanges.Vip(vip.paid(), vip.expiresAt(), vip.autoRenew()),
                cloudStorage == null
                        ? null
                        : new AccountChanges.CloudStorage(cloudStorage.quotaBytes(), cloudStorage.usedBytes()),
                walletBalanceCents,
                outstandingCreditCents,
                restrictions,
                lastSecurityChangeAt);
    }

    /** The validation group of a creation: every default constraint plus the required contact points. */
    public interface OnCreate extends Default {}
}
