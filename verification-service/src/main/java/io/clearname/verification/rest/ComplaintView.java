package io.clearname.verification.rest;

import io.clearname.verification.entity.ComplaintKind;
import io.clearname.verification.entity.ComplaintStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint as its owner (and a case's reviewers) see it: {@code message} is the masked text (ID numbers, phone
 * numbers and emails replaced by {@code [id-number]}, {@code [phone]}, {@code [email]}); {@code answer} the staff
 * answer, masked the same way, once {@code status} is ANSWERED. Who answered is for staff only.
 */
public record ComplaintView(
        UUID complaintId,
        UUID requestId,
        Instant receivedAt,
        ComplaintKind kind,
        String message,
        ComplaintStatus status,
        Instant dueAt,
        String answer,
        Instant answeredAt) {}
