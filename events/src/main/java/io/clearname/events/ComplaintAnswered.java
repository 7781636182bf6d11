package io.clearname.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer or customer service answered a complaint (topic {@code complaint-answered}, from verification-service).
 * The answer is the staff member's text for the person, masked like every complaint text (ID numbers, phone numbers
 * and emails blanked out); the complaint's own text never leaves verification-service.
 *
 * @param answer the answer, at most 2,000 characters
 */
public record ComplaintAnswered(UUID complaintId, UUID requestId, UUID accountId, Instant answeredAt, String answer)
        implements ClearnameEvent {}
