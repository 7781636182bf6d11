package io.clearname.account.rest;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import java.time.Instant;
import java.util.UUID;

public record SubmissionView(UUID requestId, ClearingStatus status, Instant expectedDecisionBy) {

    public static SubmissionView of(ClearingRequest request) {
        return new SubmissionView(request.id, request.status, request.expectedDecisionBy);
    }
}
