package io.clearname.notification.service;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.NoticeKind;
import java.util.UUID;

/**
 * A claimed job, ready to send: the attempt it is, where it goes and what it says. Holds a contact point: its
 * {@link #toString()} shows only the masked one.
 *
 * @param attempt the job's attempt count when it was claimed; recording the answer checks it still is
 * @param idempotencyKey the same for every attempt of the job: the SMS {@code Idempotency-Key}, the email's
 *     {@code Message-ID}
 */
public record Dispatch(
        UUID jobId,
        int attempt,
        UUID requestId,
        UUID accountId,
        String triggerEventId,
        NoticeKind kind,
        Channel channel,
        String to,
        String maskedTo,
        String idempotencyKey,
        NoticeRenderer.Email email,
        NoticeRenderer.Sms sms) {

    @Override
    public String toString() {
        return "Dispatch[job " + jobId + ", attempt " + attempt + ", " + kind + " by " + channel + " to " + maskedTo
                + "]";
    }
}
