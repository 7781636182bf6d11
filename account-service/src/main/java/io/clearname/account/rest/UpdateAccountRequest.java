package io.clearname.account.rest;

import io.clearname.account.entity.Restriction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/** A partial update by support: fields left out (null) stay as they are. */
public record UpdateAccountRequest(
        @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 phone number")
        String phone,

        @Email String email,

        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
        String locale,

        @Valid AccountImport.RealName realName,
        @Valid AccountImport.Vip vip,
        @Valid AccountImport.CloudStorage cloudStorage,
        @PositiveOrZero Long walletBalanceCents,
        @PositiveOrZero Long outstandingCreditCents,
        List<Restriction> restrictions,
        @PastOrPresent Instant lastSecurityChangeAt) {

    public AccountImport.Holdings holdings() {
        return new AccountImport.Holdings(
                realName,
                vip,
                cloudStorage,
                walletBalanceCents,
                outstandingCreditCents,
                restrictions,
                lastSecurityChangeAt);
    }
}
