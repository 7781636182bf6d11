package io.clearname.account.rest;

import io.clearname.account.entity.DocumentCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An ID document image, as a reference into the image store. */
public record DocumentReference(
        @NotNull DocumentCategory category,
        @NotBlank @Size(max = 512) String reference) {}
