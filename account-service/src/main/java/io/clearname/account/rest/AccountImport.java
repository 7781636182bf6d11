package io.clearname.account.rest;

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
}
