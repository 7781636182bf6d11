package io.clearname.notification.service;

import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.clearname.notification.entity.NotificationJob;
import io.clearname.notification.repository.NotificationJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The database side of sending notices, in short transactions around the network calls, so that no row lock or
 * connection is held while a gateway or SMTP server takes its time. Both sides work on batches, so that a burst costs
 * a few transactions, not two per notice:
 *
 * <ol>
 *   <li>claim ({@link DeliveryClaims}): lock a channel's most overdue jobs ({@code FOR UPDATE SKIP LOCKED}), count
 *       each attempt, mark each SENDING with a lease, write the attempt rows, render the notices;
 *   <li>the dispatcher sends them, several at a time;
 *   <li>record ({@link DeliveryAnswers}): store the answers: DELIVERED, a retry with backoff, a hold after an
 *       unknown outcome, or FAILED; publish UserNotified through the outbox when a job ends.
 * </ol>
 *
 * {@link #exchange} does 3 then 1 in one transaction, as a dispatcher's round does.
 *
 * <p>A dispatcher that dies between 1 and 3 leaves the job SENDING; when the lease expires any instance claims it
 * again, and the attempt is marked ABANDONED. The SMS gateway absorbs the repeated send by its idempotency key; an
 * email may arrive twice, with the same {@code Message-ID} (README, "Delivery guarantees").
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    /**
     * What a claim took: the notices to send, and the due jobs that ended without a send (e.g. no contact point on
     * their channel, or the last attempt's lease expired), by status.
     *
     * @param due how many due jobs were locked; fewer than asked for means none is left for now
     */
    public record Claimed(List<Dispatch> sends, List<JobStatus> settled, int due) {}

    /** An attempt's answer, to record. */
    public record Answer(Dispatch dispatch, SendResult result) {}

    /** What a round recorded, and what it claimed next. */
    public record Exchanged(List<Recorded> recorded, Claimed claimed) {}

    /** How an attempt's answer was recorded. */
    public enum Recorded {
        DELIVERED,
        RETRY,
        /** The notice may have been handed over: the job is held before it is sent again with the same key. */
        UNKNOWN,
        FAILED,
        /** The job's lease had expired and another dispatcher claimed it meanwhile: this answer changes nothing. */
        STALE
    }

    private final DeliveryClaims claims;
    private final DeliveryAnswers answers;
    private final JobEndings endings;
    private final NotificationJobRepository jobs;
    private final NotificationConfig config;
    private final Clock clock;

    public DeliveryService(
            DeliveryClaims claims,
            DeliveryAnswers answers,
            JobEndings endings,
            NotificationJobRepository jobs,
            NotificationConfig config,
            Clock clock) {
        this.claims = claims;
        this.answers = answers;
        this.endings = endings;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    /** Claims up to {@code limit} of the channel's most overdue jobs, each for one attempt under a lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed claim(Channel channel, int limit) {
        return claims.claim(channel, limit, Instant.now(clock));
    }

    /** Records the answer to a claimed attempt, unless the job was claimed again meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(Dispatch dispatch, SendResult result) {
        return answers.record(List.of(new Answer(dispatch, result)), Instant.now(clock))
                .get(0);
    }

    /** Records the answers to claimed attempts in one transaction; each result is in the order of {@code answers}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Recorded> record(List<Answer> answered) {
        return answers.record(answered, Instant.now(clock));
    }

    /**
     * Records answers that came after their attempt was recorded as UNKNOWN (a reply after the send timed out), in
     * one transaction; each result is in the order of {@code answered}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Recorded> recordLate(List<Answer> answered) {
        return answers.recordLate(answered, Instant.now(clock));
    }

    /** Records {@code answered}, then claims up to {@code limit} due jobs of the channel, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Exchanged exchange(List<Answer> answered, Channel channel, int limit) {
        Instant now = Instant.now(clock);
        List<Recorded> recorded = answers.record(answered, now);
        return new Exchanged(
                recorded, limit > 0 ? claims.claim(channel, limit, now) : new Claimed(List.of(), List.of(), 0));
    }

    /**
     * Makes due the jobs whose contact snapshot exists but that still wait for it (a safety net), and gives up the jobs
     * that waited longer than {@code notification.contact-wait}.
     *
     * @return the jobs given up, by channel, for the metrics
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Channel> sweepWaiting() {
        Instant now = Instant.now(clock);
        int released = jobs.releaseWaitingWithContact(now);
        if (released > 0) {
            LOG.infof("%d notice(s) released: their contact snapshot had arrived", released);
        }
        List<NotificationJob> expired = jobs.claimWaitingSince(now.minus(config.contactWait()), 100);
        for (NotificationJob job : expired) {
            endings.giveUp(job, "NO_CONTACT_SNAPSHOT", now);
        }
        return expired.stream().map(j -> j.channel).toList();
    }
}
