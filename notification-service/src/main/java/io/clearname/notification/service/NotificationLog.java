package io.clearname.notification.service;

import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.DeliveryAttemptRepository;
import io.clearname.notification.repository.NotificationJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The delivery log: a person's notices, and support's view of one request's notices with their attempts. */
@ApplicationScoped
public class NotificationLog {

    private final NotificationJobRepository jobs;
    private final DeliveryAttemptRepository attempts;

    public NotificationLog(NotificationJobRepository jobs, DeliveryAttemptRepository attempts) {
        this.jobs = jobs;
        this.attempts = attempts;
    }

    /** The account's notices, newest first. */
    @Transactional
    public List<NotificationJob> listMine(UUID accountId) {
        return jobs.listByAccount(accountId);
    }

    /** A notice of the delivery log with its attempts, oldest first. */
    public record LoggedNotice(NotificationJob job, List<DeliveryAttempt> attempts) {}

    /** The delivery log of one request, oldest first. */
    @Transactional
    public List<LoggedNotice> listForRequest(UUID requestId) {
        List<NotificationJob> log = jobs.listByRequest(requestId);
        Map<UUID, List<DeliveryAttempt>> attemptsByJob =
                attempts.listByJobs(log.stream().map(j -> j.id).toList()).stream()
                        .collect(Collectors.groupingBy(a -> a.id.jobId));
        return log.stream()
                .map(j -> new LoggedNotice(j, attemptsByJob.getOrDefault(j.id, List.of())))
                .toList();
    }
}
