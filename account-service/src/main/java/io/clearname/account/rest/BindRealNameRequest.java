package io.clearname.account.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The person binds a verified real name: legal name, ID number and, optionally, references to the ID images. */
public record BindRealNameRequest(
        @NotBlank @Size(max = 64) String legalName,
        @NotBlank @NationalIdNumber String idNumber,
        @Size(max = 3) List<@Valid DocumentReference> documents) {}
