package io.clearname.local;

import java.time.Instant;

/**
 * A mail that {@link SmtpServer} accepted, once per envelope recipient.
 *
 * @param to the envelope recipient (the mailbox it was delivered to)
 * @param from the {@code From} address
 * @param subject the decoded subject
 * @param body the text body: the {@code text/plain} part of a multipart mail, else the {@code text/html} part
 * @param receivedAt when the server accepted it
 * @param messageId the {@code Message-ID} header, {@code null} when the mail has none; a mail accepted twice (its
 *     client sent it again) appears twice with the same one
 */
public record ReceivedMail(String to, String from, String subject, String body, Instant receivedAt, String messageId) {}
