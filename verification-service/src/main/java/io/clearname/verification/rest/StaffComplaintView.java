package io.clearname.verification.rest;

import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.entity.ComplaintStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint as staff see it: texts masked, who answered, and the appeal it opened (kind APPEAL).
 *
 * @param dueAt when an answer is due: the case's due date (ESCALATION), the appeal's (APPEAL), the answer's (COMPLAINT)
 */
public record StaffComplaintView(
        UUID complaintId,
        UUID requestId,
        ComplaintKind kind,
        ComplaintStatus status,
        Instant receivedAt,
        Instant dueAt,
        String message,
        String answer,
        String answeredBy,
        Instant answeredAt,
        UUID appealId) {}
