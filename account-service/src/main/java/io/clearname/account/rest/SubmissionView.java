package io.clearname.account.rest;

import io.clearname.account.entity.ClearingStatus;
import java.time.Instant;
import java.util.UUID;

public record SubmissionView(UUID requestId, ClearingStatus status, Instant expectedDecisionBy) {}
