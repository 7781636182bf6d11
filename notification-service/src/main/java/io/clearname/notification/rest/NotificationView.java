package io.clearname.notification.rest;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NoticeKind;
import io.clearname.notification.entity.NotificationJob;
import java.time.Instant;
import java.util.UUID;

/**
 * A notice as its recipient sees it in their delivery log.
 *
 * @param template what the notice is about: RECEIPT, IN_REVIEW, APPROVED, CLEARED, REJECTED, WITHDRAWN,
 *     COMPLAINT_RECEIVED, COMPLAINT_ANSWERED, APPEAL_DECIDED, AUDIT_DELAYED
 * @param locale the language it was written in (zh-CN or en), once it was first sent
 * @param segments SMS only: the segments its text took
 * @param destination the contact point it went to, masked
 * @param lastError why the last attempt failed, as a code (HTTP_503, SMTP_550, NO_PHONE_NUMBER, ...)
 */
public record NotificationView(
        UUID notificationId,
        UUID requestId,
        Channel channel,
        NoticeKind template,
        String locale,
        JobStatus status,
        int attempts,
        Integer segments,
        String destination,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant failedAt) {

    static NotificationView of(NotificationJob job) {
        return new NotificationView(
                job.id,
                job.requestId,
                job.channel,
                job.kind,
                job.locale,
                job.status,
                job.attempts,
                job.segments,
                job.destination,
                job.lastError,
                job.createdAt,
                job.lastAttemptAt,
                job.deliveredAt,
                job.failedAt);
    }
}
