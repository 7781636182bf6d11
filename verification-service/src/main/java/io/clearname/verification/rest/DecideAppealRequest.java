package io.clearname.verification.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A second reviewer's decision on an appeal; final.
 *
 * @param outcome UPHELD (the rejection stands) or OVERTURNED (it is set aside)
 * @param userMessage what the person is told, masked; when absent, a message in the person's language
 * @param internalNote for reviewers only; never sent to the person or put in an event
 */
public record DecideAppealRequest(
        @NotNull @Pattern(regexp = "UPHELD|OVERTURNED", message = "must be UPHELD or OVERTURNED")
        String outcome,

        @Size(max = 2000) String userMessage,
        @Size(max = 2000) String internalNote) {}
