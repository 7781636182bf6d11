package io.clearname.account.rest;

import io.clearname.account.service.ClearingSubmission;
import io.clearname.events.Acknowledgement;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the person confirms when they start clearing; an optional free-text reason. */
public record SubmitClearingRequest(
        @Size(max = 10) List<@NotNull Acknowledgement> acknowledgements,
        @Size(max = 500) String reason) {

    public ClearingSubmission.Form toForm() {
        return new ClearingSubmission.Form(acknowledgements, reason);
    }
}
