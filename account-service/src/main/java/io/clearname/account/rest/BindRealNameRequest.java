package io.clearname.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BindRealNameRequest(
        @NotBlank @Size(max = 64) String legalName,
        @NotBlank @NationalIdNumber String idNumber) {}
