package io.clearname.account.service;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.TimelineEntry;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.TimelineRepository;
import io.clearname.events.UserNotified;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A request's timeline as the person reads it: every step, how the request concluded, and each notice sent. An entry's
 * {@code type} is a stable code (SUBMITTED, APPROVED, CLEARED, REJECTED, WITHDRAWN, USER_NOTIFIED); its {@code detail}
 * is written in the account's language when the entry is recorded (bundle {@code i18n/timeline}, {@link #text}) and
 * stays so, like a letter sent.
 */
@ApplicationScoped
public class RequestTimeline {

    private static final Logger LOG = Logger.getLogger(RequestTimeline.class);

    private static final String TEXTS = "timeline";

    /** The longest detail the timeline keeps ({@code timeline_entry.detail}). */
    static final int DETAIL_LENGTH = 512;

    private final TimelineRepository timeline;
    private final ClearingRequestRepository requests;
    private final MeterRegistry metrics;
    private final Clock clock;

    public RequestTimeline(
            TimelineRepository timeline, ClearingRequestRepository requests, MeterRegistry metrics, Clock clock) {
        this.timeline = timeline;
        this.requests = requests;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A timeline text of {@code i18n/timeline*.properties} in the language closest to {@code languageTag}. */
    public static String text(String languageTag, String key, Object... arguments) {
        return Texts.of(TEXTS, key, languageTag, arguments);
    }

    /** A time as the timeline texts show it: to the minute, in the zone the language's texts name. */
    static String time(Instant instant, String languageTag) {
        return HumanFormats.dateTime(instant, languageTag);
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

    /** Puts a delivered or failed notice on the request's timeline, once per notification (the inbox sees to once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onUserNotified(UserNotified event) {
        Optional<String> locale = requests.localeOfOwner(event.requestId());
        if (locale.isEmpty()) {
            LOG.warnf("UserNotified for unknown request %s ignored", event.requestId());
            return;
        }
        String language = locale.get();
        append(
                event.requestId(),
                event.notifiedAt() == null ? Instant.now(clock) : event.notifiedAt(),
                "USER_NOTIFIED",
                text(
                        language,
                        "notified",
                        text(language, "channel." + event.channel()),
                        text(language, "status." + event.status()),
                        String.valueOf(event.attempts())));
    }
}
