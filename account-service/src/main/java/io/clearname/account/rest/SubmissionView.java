package io.clearname.account.rest;

import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.service.ClearingSubmission;
import java.time.Instant;
import java.util.UUID;

public record SubmissionView(UUID requestId, ClearingStatus status, Instant expectedDecisionBy) {

    public static SubmissionView of(ClearingSubmission.Accepted accepted) {
        return new SubmissionView(accepted.requestId(), accepted.status(), accepted.expectedDecisionBy());
    }
}
