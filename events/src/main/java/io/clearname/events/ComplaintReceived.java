package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner of a clearing request complained about its audit, and the case was escalated (topic
 * {@code complaint-received}, from verification-service). Carries no complaint text: what the person wrote stays in
 * verification-service.
 *
 * @param complaintId the complaint in verification-service
 * @param expectedDecisionBy when the audit is due to be decided
 */
public record ComplaintReceived(
        UUID complaintId, UUID requestId, UUID accountId, Instant receivedAt, Instant expectedDecisionBy)
        implements ClearnameEvent {}
