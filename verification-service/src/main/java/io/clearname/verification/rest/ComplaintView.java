package io.clearname.verification.rest;

import io.clearname.verification.entity.ComplaintKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint as stored: {@code message} is the masked text (ID numbers, phone numbers and emails replaced by
 * {@code [id-number]}, {@code [phone]}, {@code [email]}).
 */
public record ComplaintView(UUID complaintId, UUID requestId, Instant receivedAt, ComplaintKind kind, String message) {}
