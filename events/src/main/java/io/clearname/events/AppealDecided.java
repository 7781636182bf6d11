package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The second review of a rejected request, opened by the person's appeal, is decided; this decision is final (topic
 * {@code appeal-decided}, from verification-service).
 *
 * @param appealId the appeal in verification-service
 * @param complaintId the complaint that opened the appeal
 * @param outcome UPHELD: the rejection stands; OVERTURNED: it was wrong
 * @param reasons the rejection's reasons that stand (UPHELD) or that were set aside (OVERTURNED)
 * @param userMessage what the second reviewer tells the person
 * @param newRequestWindowEndsAt OVERTURNED only: until when a new request of the account is not rejected for the
 *     reasons set aside; null when UPHELD
 */
public record AppealDecided(
        UUID appealId,
        UUID complaintId,
        UUID requestId,
        UUID accountId,
        Outcome outcome,
        List<Reason> reasons,
        String userMessage,
        Instant decidedAt,
        Instant newRequestWindowEndsAt)
        implements ClearnameEvent {

    public enum Outcome {
        UPHELD,
        OVERTURNED
    }
}
