package io.clearname.account.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Support creates an account with the contact points notices go to. */
public record CreateAccountRequest(
        @NotBlank @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 phone number")
        String phone,

        @NotBlank @Email String email,

        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
        String locale) {}
