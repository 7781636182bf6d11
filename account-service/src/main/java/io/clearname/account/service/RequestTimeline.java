package io.clearname.account.service;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.TimelineEntry;
import io.clearname.account.repository.TimelineRepository;
import io.clearname.events.UserNotified;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A request's timeline as the person reads it: every step, how the request concluded, and each notice sent. */
@ApplicationScoped
public class RequestTimeline {

    private static final Logger LOG = Logger.getLogger(RequestTimeline.class);

    private final TimelineRepository timeline;
    private final MeterRegistry metrics;
    private final Clock clock;

    public RequestTimeline(TimelineRepository timeline, MeterRegistry metrics, Clock clock) {
        this.timeline = timeline;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID requestId, Instant at, String type, String detail) {
        timeline.persist(TimelineEntry.of(requestId, at, type, detail));
    }

    /** Moves the request to its terminal {@code status}, on its timeline and in the outcome metric. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void conclude(ClearingRequest request, ClearingStatus status, Instant now, String detail) {
        request.status = status;
        request.concludedAt = now;
        append(request.id, now, status.name(), detail);
        metrics.timer("clearname.clearing.concluded", "outcome", status.name())
                .record(Duration.between(request.submittedAt, now));
    }

    /** Puts a delivered or failed notice on the request's timeline, once per notification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onUserNotified(UserNotified event) {
        boolean appended = timeline.appendToExisting(
                event.requestId(),
                event.notifiedAt() == null ? Instant.now(clock) : event.notifiedAt(),
                "USER_NOTIFIED",
                event.channel() + " " + event.status() + " after " + event.attempts() + " attempt(s)");
        if (!appended) {
            LOG.warnf("UserNotified for unknown request %s ignored", event.requestId());
        }
    }
}
