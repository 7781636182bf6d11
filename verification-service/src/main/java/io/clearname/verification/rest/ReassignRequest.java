package io.clearname.verification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A lead's reassignment of a case or an appeal.
 *
 * @param reviewerId the reviewer who takes it (their JWT {@code sub})
 * @param note why, recorded in the case's history (masked)
 */
public record ReassignRequest(
        @NotBlank @Size(max = 64) String reviewerId,
        @Size(max = 500) String note) {}
