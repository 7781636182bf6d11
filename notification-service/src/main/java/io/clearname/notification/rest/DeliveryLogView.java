package io.clearname.notification.rest;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NoticeKind;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.service.NotificationLog.LoggedNotice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as support sees it: its delivery state, what triggered it, each attempt and why the last one failed. Contact
 * points are masked; errors are codes (HTTP_503, SMTP_550, TIMEOUT), never messages.
 *
 * @param nextAttemptAt PENDING: when the next attempt is due
 * @param leaseUntil SENDING: when the dispatcher's claim expires and another may retry
 * @param providerMessageId the gateway's message id (SMS) or the Message-ID (email)
 */
public record DeliveryLogView(
        UUID notificationId,
        UUID requestId,
        UUID accountId,
        String triggerEventId,
        Channel channel,
        NoticeKind template,
        String locale,
        JobStatus status,
        int attempts,
        Integer segments,
        String destination,
        String providerMessageId,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant failedAt,
        List<Attempt> attemptLog) {

    /** {@code nextAttemptAt} shows only while PENDING and {@code leaseUntil} only while SENDING: one column holds both. */
    static DeliveryLogView of(LoggedNotice notice) {
        NotificationJob j = notice.job();
        return new DeliveryLogView(
                j.id,
                j.requestId,
                j.accountId,
                j.triggerEventId,
                j.channel,
                j.kind,
                j.locale,
                j.status,
                j.attempts,
                j.segments,
                j.destination,
                j.providerMessageId,
                j.status == JobStatus.PENDING ? j.nextAttemptAt : null,
                j.status == JobStatus.SENDING ? j.nextAttemptAt : null,
                j.lastError,
                j.createdAt,
                j.lastAttemptAt,
                j.deliveredAt,
                j.failedAt,
                notice.attempts().stream().map(Attempt::of).toList());
    }

    /** One attempt: its outcome, when, and the gateway's HTTP status or the SMTP reply code. */
    public record Attempt(
            int attempt,
            DeliveryAttempt.Outcome outcome,
            Instant startedAt,
            Instant finishedAt,
            Integer replyCode,
            String error) {

        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.id.attempt, a.outcome, a.startedAt, a.finishedAt, a.replyCode, a.error);
        }
    }
}
