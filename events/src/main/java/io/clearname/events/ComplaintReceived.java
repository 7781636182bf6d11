package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner of a clearing request complained about its audit, and the case was escalated (topic
 * {@code complaint-received}, from verification-service). Carries no complaint text: what the person wrote stays in
 * verification-service.
 *
 * @param complaintId the complaint in verification-service
 * @param expectedDecisionBy when the audit is due to be decided; after a decision, when the complaint or appeal is
 *     due to be answered
 * @param kind what the complaint does: {@code ESCALATION} (the case was open: it is escalated, the person may still
 *     withdraw), {@code APPEAL} (the case was rejected: a second reviewer looks at it again), {@code COMPLAINT} (the
 *     request had ended otherwise: customer service answers it); null from producers before this field existed
 */
public record ComplaintReceived(
        UUID complaintId, UUID requestId, UUID accountId, Instant receivedAt, Instant expectedDecisionBy, String kind)
        implements ClearnameEvent {

    /** A complaint whose kind is not told, as producers before {@code kind} sent it. */
    public ComplaintReceived(
            UUID complaintId, UUID requestId, UUID accountId, Instant receivedAt, Instant expectedDecisionBy) {
        this(complaintId, requestId, accountId, receivedAt, expectedDecisionBy, null);
    }
}
