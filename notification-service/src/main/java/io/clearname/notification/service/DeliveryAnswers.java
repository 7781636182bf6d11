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
 * The answering half of a delivery: store what a send came back with, DELIVERED, a retry with backoff, a hold after an
 * unknown outcome, or FAILED, and publish UserNotified when the job ends. An answer to an attempt whose lease expired
 * (the job was claimed again) changes nothing.
 *
 * <p>Every answer is a conditional update of its job ({@code WHERE id = ? AND attempts = ?} and status SENDING, which
 * is also what tells a stale answer) and one of its attempt row, sent as JDBC batches: a dispatcher records dozens of
 * answers per round, and loading each job as an entity to change three columns cost more than sending the notices.
 * The status is compared with {@code IS NOT DISTINCT FROM}, which the planner cannot match with the partial index of
 * due jobs: with {@code =} it scanned that index (every job waiting) instead of looking the id up.
 *
 * <p>A late answer ({@link #recordLate}) is the reply to an attempt recorded as UNKNOWN, which came after the sender
 * stopped waiting: it completes that attempt row if it is still UNKNOWN, and its job if the job is still held
 * (PENDING at that attempt), so a mail a stalled server took after all ends the notice instead of being sent again.
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
    /** A late answer completes only an attempt still UNKNOWN: not one a lease expiry already marked ABANDONED. */
    private static final String LATE_ATTEMPT = ATTEMPT.strip() + " AND outcome = 'UNKNOWN'";

    /** The error recorded with a late DELIVERED: the reply came after the sender had stopped waiting. */
    static final String LATE_REPLY = "LATE_REPLY";

    private final AgroalDataSource dataSource;
    private final JobEndings endings;
    private final NotificationConfig config;

    DeliveryAnswers(AgroalDataSource dataSource, JobEndings endings, NotificationConfig config) {
        this.dataSource = dataSource;
        this.endings = endings;
        this.config = config;
    }

    /**
     * How one answer ends its attempt.
     *
     * @param delay until the next attempt: RETRY, the backoff; UNKNOWN, the hold; otherwise null
     */
    private record Outcome(
            Answer answer,
            Recorded recorded,
            DeliveryAttempt.Outcome attempt,
            Integer replyCode,
            String error,
            Duration delay) {

        /** 0, 1 or 2: the update of its job, DELIVERED, PENDING again (RETRY, UNKNOWN), FAILED. */
        int statement() {
            return switch (recorded) {
                case DELIVERED -> 0;
                case RETRY, UNKNOWN -> 1;
                default -> 2;
            };
        }
    }

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
            PreparedStatement[] updates = {delivered, retry, failed};
            int[] slot = new int[outcomes.size()];
            int[] count = new int[3];
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                bindJob(updates[o.statement()], o, now);
                updates[o.statement()].addBatch();
                slot[i] = count[o.statement()]++;
            }
            int[][] updated = new int[3][];
            for (int s = 0; s < 3; s++) {
                updated[s] = count[s] > 0 ? updates[s].executeBatch() : new int[0];
            }
            List<Recorded> recorded = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                Dispatch d = o.answer().dispatch();
                if (updated[o.statement()][slot[i]] == 0) {
                    LOG.warnf(
                            "notification %s: answer to attempt %d came after its lease expired; ignored (%s)",
                            d.jobId(),
                            d.attempt(),
                            o.answer().result().getClass().getSimpleName());
                    recorded.add(Recorded.STALE);
                    continue;
                }
                bindAttempt(attempt, o, now);
                attempt.addBatch();
                ended(o, now, false);
                recorded.add(o.recorded());
            }
            attempt.executeBatch();
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("recording answers failed", e);
        }
    }

    /**
     * Records answers that came after their attempt was recorded as UNKNOWN, inside the caller's transaction; each
     * result is in the order of {@code answers}. STALE when the attempt is no longer UNKNOWN, when the answer says
     * nothing new (the connection broke), or when the job has moved on (a later attempt is in flight: its own answer
     * ends the job; this one only completes its attempt row).
     */
    List<Recorded> recordLate(List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement attempt = connection.prepareStatement(LATE_ATTEMPT);
                PreparedStatement delivered = connection.prepareStatement(held(DELIVERED));
                PreparedStatement retry = connection.prepareStatement(held(RETRY));
                PreparedStatement failed = connection.prepareStatement(held(FAILED))) {
            PreparedStatement[] updates = {delivered, retry, failed};
            List<Recorded> recorded = new ArrayList<>(answers.size());
            for (Answer answer : answers) {
                Dispatch d = answer.dispatch();
                if (answer.result() instanceof SendResult.Unknown) {
                    recorded.add(Recorded.STALE);
                    continue;
                }
                Outcome o = outcome(answer);
                if (o.recorded() == Recorded.DELIVERED) {
                    o = new Outcome(answer, o.recorded(), o.attempt(), null, LATE_REPLY, null);
                }
                bindAttempt(attempt, o, now);
                if (attempt.executeUpdate() == 0) {
                    recorded.add(Recorded.STALE);
                    continue;
                }
                PreparedStatement update = updates[o.statement()];
                bindJob(update, o, now);
                if (update.executeUpdate() == 0) {
                    LOG.warnf(
                            "notification %s: attempt %d was answered late (%s) while a later attempt is under way",
                            d.jobId(), d.attempt(), o.attempt());
                    recorded.add(Recorded.STALE);
                    continue;
                }
                ended(o, now, true);
                recorded.add(o.recorded());
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("recording late answers failed", e);
        }
    }

    /** A job update that applies to a job held after an UNKNOWN attempt instead of one being sent. */
    private static String held(String update) {
        return update.replace("'SENDING'", "'PENDING'");
    }

    /** What the answer means for its job: a permanent failure, or a transient one on the last attempt, is FAILED. */
    private Outcome outcome(Answer answer) {
        SendResult result = answer.result();
        int attempt = answer.dispatch().attempt();
        if (result instanceof SendResult.Delivered) {
            return new Outcome(answer, Recorded.DELIVERED, DeliveryAttempt.Outcome.DELIVERED, null, null, null);
        }
        if (result instanceof SendResult.Unknown u) {
            // Held even after the last attempt: a late answer may still settle it; the claim gives it up after.
            return new Outcome(
                    answer,
                    Recorded.UNKNOWN,
                    DeliveryAttempt.Outcome.UNKNOWN,
                    null,
                    u.error(),
                    config.delivery().unknownOutcomeHold());
        }
        if (result instanceof SendResult.Transient t) {
            return attempt < config.retry().maxAttempts()
                    ? new Outcome(
                            answer,
                            Recorded.RETRY,
                            DeliveryAttempt.Outcome.RETRY,
                            t.replyCode(),
                            t.error(),
                            wait(attempt, t.retryAfter()))
                    : new Outcome(
                            answer, Recorded.FAILED, DeliveryAttempt.Outcome.FAILED, t.replyCode(), t.error(), null);
        }
        var permanent = (SendResult.Permanent) result;
        return new Outcome(
                answer,
                Recorded.FAILED,
                DeliveryAttempt.Outcome.FAILED,
                permanent.replyCode(),
                permanent.error(),
                null);
    }

    /** Binds the job update of {@link #outcome}'s statement: DELIVERED, RETRY (also UNKNOWN) or FAILED. */
    private static void bindJob(PreparedStatement update, Outcome o, Instant now) throws SQLException {
        Dispatch d = o.answer().dispatch();
        switch (o.recorded()) {
            case DELIVERED -> {
                update.setObject(1, utc(now));
                update.setString(
                        2,
                        JobEndings.truncate(((SendResult.Delivered) o.answer().result()).providerMessageId()));
            }
            case RETRY, UNKNOWN -> {
                update.setObject(1, utc(now.plus(o.delay())));
                update.setString(2, JobEndings.truncate(o.error()));
            }
            default -> {
                update.setObject(1, utc(now));
                update.setString(2, JobEndings.truncate(o.error()));
            }
        }
        update.setObject(3, d.jobId());
        update.setInt(4, d.attempt());
    }

    private static void bindAttempt(PreparedStatement attempt, Outcome o, Instant now) throws SQLException {
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
    }

    /** Publishes UserNotified for a job that ended, and says why a job will be tried again or has failed. */
    private void ended(Outcome o, Instant now, boolean late) {
        Dispatch d = o.answer().dispatch();
        switch (o.recorded()) {
            case DELIVERED -> {
                endings.publish(d, UserNotified.Status.DELIVERED, now);
                if (late) {
                    LOG.infof(
                            "%s notice of request %s delivered by %s to %s: attempt %d was answered after its send"
                                    + " timed out (notification %s)",
                            d.kind(), d.requestId(), d.channel(), d.maskedTo(), d.attempt(), d.jobId());
                } else {
                    LOG.debugf(
                            "%s notice of request %s delivered by %s to %s after %d attempt(s) (notification %s)",
                            d.kind(), d.requestId(), d.channel(), d.maskedTo(), d.attempt(), d.jobId());
                }
            }
            case RETRY ->
                LOG.warnf(
                        "notification %s (%s by %s, request %s): attempt %d failed (%s), next in %d ms",
                        d.jobId(),
                        d.kind(),
                        d.channel(),
                        d.requestId(),
                        d.attempt(),
                        o.error(),
                        o.delay().toMillis());
            case UNKNOWN ->
                LOG.warnf(
                        "notification %s (%s by %s, request %s): attempt %d may have been handed over (%s); held for"
                                + " %d ms, then sent again with the same key unless an answer comes",
                        d.jobId(),
                        d.kind(),
                        d.channel(),
                        d.requestId(),
                        d.attempt(),
                        o.error(),
                        o.delay().toMillis());
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
