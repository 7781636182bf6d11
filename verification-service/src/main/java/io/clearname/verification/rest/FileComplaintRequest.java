package io.clearname.verification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A complaint about the audit of a request. Personal data in the text is masked before it is stored. */
public record FileComplaintRequest(
        @NotBlank @Size(max = MAX_LENGTH) String message) {
    public static final int MAX_LENGTH = 2000;
}
