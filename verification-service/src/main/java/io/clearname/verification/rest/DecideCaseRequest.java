package io.clearname.verification.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A reviewer's decision.
 *
 * @param decision APPROVED or REJECTED
 * @param reasonCodes codes of the catalogue ({@code GET /api/v1/review/reason-codes}); at least one to reject, none to
 *     approve
 * @param userMessage what the person is told; when absent, the catalogue's texts of the reasons in the person's language
 * @param internalNote for reviewers only; never sent to the person or put in an event
 */
public record DecideCaseRequest(
        @NotNull @Pattern(regexp = "APPROVED|REJECTED", message = "must be APPROVED or REJECTED")
        String decision,

        @Size(max = 10) List<String> reasonCodes,
        @Size(max = 500) String userMessage,
        @Size(max = 2000) String internalNote) {}
