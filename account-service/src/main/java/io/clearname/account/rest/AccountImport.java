package io.clearname.account.rest;

import io.clearname.account.entity.Restriction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The parts of an account that support imports from an identity platform; every part is optional. */
public final class AccountImport {
    private AccountImport() {}

    /** An already verified real name. */
    public record RealName(
            @NotBlank @Size(max = 64) String legalName,
            @NotBlank @NationalIdNumber String idNumber,
            @PastOrPresent Instant verifiedAt,
            @Size(max = 3) List<@Valid DocumentReference> documents) {}

    public record Vip(boolean paid, Instant expiresAt, boolean autoRenew) {}

    public record CloudStorage(
            @PositiveOrZero long quotaBytes, @PositiveOrZero long usedBytes) {}

    /** The entitlements and obligations shared by creation and update. */
    public record Holdings(
            @Valid RealName realName,
            @Valid Vip vip,
            @Valid CloudStorage cloudStorage,
            @PositiveOrZero Long walletBalanceCents,
            @PositiveOrZero Long outstandingCreditCents,
            List<Restriction> restrictions,
            @PastOrPresent Instant lastSecurityChangeAt) {}
}
