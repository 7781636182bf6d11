package io.clearname.verification.rest;

import io.clearname.verification.entity.CaseState;
import java.time.Instant;
import java.util.UUID;

/** The owner's view of the audit of their request. */
public record AuditView(
        UUID requestId, CaseState state, String decision, Instant expectedDecisionBy, Instant decidedAt) {}
