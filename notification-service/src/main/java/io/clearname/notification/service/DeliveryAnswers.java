package io.clearname.notification.service;

import io.agroal.api.AgroalDataSource;
import io.clearname.events.UserNotified;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.DeliveryAttempt;
import io.clearname.notification.service.DeliveryService.Answer;
import io.clearname.notification.service.DeliveryService.Recorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * The answering half of a delivery: store what a send came back with, DELIVERED, a retry with backoff, or FAILED, and
 * publish UserNotified when the job ends. An answer to an attempt whose lease expired (the job was claimed again)
 * changes nothing.
 *
 * <p>Every answer is a conditional update of its job ({@code WHERE id = ? AND attempts = ?} and status SENDING, which
 * is also what tells a stale answer) and one of its attempt row, sent as JDBC batches: a dispatcher records dozens of
 * answers per round, and loading each job as an entity to change three columns cost more than sending the notices.
 * The status is compared with {@code IS NOT DISTINCT FROM}, which the planner cannot match with the partial index of
 * due jobs: with {@code =} it scanned that index (every job waiting) instead of looking the id up.
 */
@ApplicationScoped
class DeliveryAnswers {

    private static final Logger LOG = Logger.getLogger(DeliveryAnswers.class);

    private static final String DELIVERED = """
            UPDATE notification_job SET status = 'DELIVERED', delivered_at = ?, last_error = NULL, provider_message_id = ?
            WHERE id = ? AND attempts = ? AND status IS NOT DISTINCT FROM 'SENDING'
            """;
    private static final String RETRY = """
            UPDATE notification_job SET status = 'PENDING', next_attempt_at = ?, last_error = ?
            WHERE id = ? AND attempts = ? AND status IS NOT DISTINCT FROM 'SENDING'
            """;
    private static final String FAILED = """
            UPDATE notification_job SET status = 'FAILED', failed_at = ?, last_error = ?
            WHERE id = ? AND attempts = ? AND status IS NOT DISTINCT FROM 'SENDING'
            """;
    private static final String ATTEMPT = """
            UPDATE delivery_attempt SET outcome = ?, finished_at = ?, reply_code = ?, error = ?
            WHERE job_id = ? AND attempt = ?
            """;

    private final AgroalDataSource dataSource;
    private final JobEndings endings;
    private final NotificationConfig config;

    DeliveryAnswers(AgroalDataSource dataSource, JobEndings endings, NotificationConfig config) {
        this.dataSource = dataSource;
        this.endings = endings;
        this.config = config;
    }

    /** How one answer ends its attempt. */
    private record Outcome(
            Answer answer, Recorded recorded, DeliveryAttempt.Outcome attempt, Integer replyCode, String error) {}

    /** Records the answers inside the caller's transaction; each result is in the order of {@code answers}. */
    List<Recorded> record(List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<Outcome> outcomes = answers.stream().map(this::outcome).toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delivered = connection.prepareStatement(DELIVERED);
                PreparedStatement retry = connection.prepareStatement(RETRY);
                PreparedStatement failed = connection.prepareStatement(FAILED);
                PreparedStatement attempt = connection.prepareStatement(ATTEMPT)) {
            int[] slot = new int[outcomes.size()];
            List<Duration> waits = new ArrayList<>();
            int[] count = new int[3];
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                Dispatch d = o.answer().dispatch();
                PreparedStatement update;
                switch (o.recorded()) {
                    case DELIVERED -> {
                        update = delivered;
                        update.setObject(1, utc(now));
                        update.setString(
                                2,
                                JobEndings.truncate(
                                        ((SendResult.Delivered) o.answer().result()).providerMessageId()));
                        slot[i] = count[0]++;
                    }
                    case RETRY -> {
                        Duration wait = wait(
                                d.attempt(), ((SendResult.Transient) o.answer().result()).retryAfter());
                        waits.add(wait);
                        update = retry;
                        update.setObject(1, utc(now.plus(wait)));
                        update.setString(2, JobEndings.truncate(o.error()));
                        slot[i] = count[1]++;
                    }
                    default -> {
                        update = failed;
                        update.setObject(1, utc(now));
                        update.setString(2, JobEndings.truncate(o.error()));
                        slot[i] = count[2]++;
                    }
                }
                update.setObject(3, d.jobId());
                update.setInt(4, d.attempt());
                update.addBatch();
            }
            int[][] updated = {
                count[0] > 0 ? delivered.executeBatch() : new int[0],
                count[1] > 0 ? retry.executeBatch() : new int[0],
                count[2] > 0 ? failed.executeBatch() : new int[0]
            };
            List<Recorded> recorded = new ArrayList<>(outcomes.size());
            int retries = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                Dispatch d = o.answer().dispatch();
                int statement = o.recorded() == Recorded.DELIVERED ? 0 : o.recorded() == Recorded.RETRY ? 1 : 2;
                Duration wait = o.recorded() == Recorded.RETRY ? waits.get(retries++) : null;
                if (updated[statement][slot[i]] == 0) {
                    LOG.warnf(
                            "notification %s: answer to attempt %d came after its lease expired; ignored (%s)",
                            d.jobId(),
                            d.attempt(),
                            o.answer().result().getClass().getSimpleName());
                    recorded.add(Recorded.STALE);
                    continue;
                }
                finish(attempt, o, now);
                ended(o, wait, now);
                recorded.add(o.recorded());
            }
            attempt.executeBatch();
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("recording answers failed", e);
        }
    }

    /** What the answer means for its job: a permanent failure, or a transient one on the last attempt, is FAILED. */
    private Outcome outcome(Answer answer) {
        SendResult result = answer.result();
        if (result instanceof SendResult.Delivered) {
            return new Outcome(answer, Recorded.DELIVERED, DeliveryAttempt.Outcome.DELIVERED, null, null);
        }
        if (result instanceof SendResult.Transient t) {
            return answer.dispatch().attempt() < config.retry().maxAttempts()
                    ? new Outcome(answer, Recorded.RETRY, DeliveryAttempt.Outcome.RETRY, t.replyCode(), t.error())
                    : new Outcome(answer, Recorded.FAILED, DeliveryAttempt.Outcome.FAILED, t.replyCode(), t.error());
        }
        var permanent = (SendResult.Permanent) result;
        return new Outcome(
                answer, Recorded.FAILED, DeliveryAttempt.Outcome.FAILED, permanent.replyCode(), permanent.error());
    }

    private static void finish(PreparedStatement attempt, Outcome o, Instant now) throws SQLException {
        attempt.setString(1, o.attempt().name());
        attempt.setObject(2, utc(now));
        if (o.replyCode() == null) {
            attempt.setNull(3, Types.INTEGER);
        } else {
            attempt.setInt(3, o.replyCode());
        }
        attempt.setString(4, JobEndings.truncate(o.error()));
        attempt.setObject(5, o.answer().dispatch().jobId());
        attempt.setInt(6, o.answer().dispatch().attempt());
        attempt.addBatch();
    }

    /** Publishes UserNotified for a job that ended, and says why a job will be tried again or has failed. */
    private void ended(Outcome o, Duration wait, Instant now) {
        Dispatch d = o.answer().dispatch();
        switch (o.recorded()) {
            case DELIVERED -> {
                endings.publish(d, UserNotified.Status.DELIVERED, now);
                LOG.debugf(
                        "%s notice of request %s delivered by %s to %s after %d attempt(s) (notification %s)",
                        d.kind(), d.requestId(), d.channel(), d.maskedTo(), d.attempt(), d.jobId());
            }
            case RETRY ->
                LOG.warnf(
                        "notification %s (%s by %s, request %s): attempt %d failed (%s), next in %d ms",
                        d.jobId(), d.kind(), d.channel(), d.requestId(), d.attempt(), o.error(), wait.toMillis());
            default -> {
                endings.publish(d, UserNotified.Status.FAILED, now);
                LOG.errorf(
                        "%s notice of request %s FAILED by %s after %d attempt(s): %s (notification %s)",
                        d.kind(), d.requestId(), d.channel(), d.attempt(), JobEndings.truncate(o.error()), d.jobId());
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private Duration wait(int failedAttempts, Duration retryAfter) {
        var retry = config.retry();
        Duration wait = backoff(
                retry.initialBackoff(),
                retry.maxBackoff(),
                retry.jitter(),
                failedAttempts,
                ThreadLocalRandom.current()::nextDouble);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            // The gateway knows best when it can take more; never longer than the longest backoff.
            wait = retryAfter.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : retryAfter;
        }
        return wait;
    }

    /**
     * The wait after {@code failedAttempts} failures: {@code initial × 2^(failedAttempts-1)}, at most {@code max}, then
     * varied by up to ±{@code jitter} of itself.
     *
     * @param random uniform in [0, 1)
     */
    static Duration backoff(Duration initial, Duration max, double jitter, int failedAttempts, DoubleSupplier random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration base = initial.multipliedBy(1L << doublings);
        if (base.compareTo(max) > 0 || base.isNegative()) {
            base = max;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
    }
}
