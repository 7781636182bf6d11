package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearingApproved;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.Reason;
import io.clearname.events.ReasonCode;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the audit's decision to a SUBMITTED request: an approval starts the cooling-off (published as {@code
 * ClearingApproved}) or erases at once when it is zero, a rejection concludes the request. Anything else is a late or
 * repeated event and changes nothing.
 */
@ApplicationScoped
public class AuditDecision {

    private static final Logger LOG = Logger.getLogger(AuditDecision.class);
    private static final int MESSAGE_LENGTH = 512;

    private final ClearingRequestRepository requests;
    private final AccountRepository accounts;
    private final RequestTimeline timeline;
    private final Erasure erasure;
    private final OutboxWriter outbox;
    private final ClearingConfig config;
    private final Clock clock;

    public AuditDecision(
            ClearingRequestRepository requests,
            AccountRepository accounts,
            RequestTimeline timeline,
            Erasure erasure,
            OutboxWriter outbox,
            ClearingConfig config,
            Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.timeline = timeline;
        this.erasure = erasure;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAuditCompleted(AuditCompleted event) {
        Optional<ClearingRequest> found = requests.lockById(event.requestId());
        if (found.isEmpty() || !found.get().accountId.equals(event.accountId())) {
            LOG.warnf("AuditCompleted for unknown request %s ignored", event.requestId());
            return;
        }
        ClearingRequest request = found.get();
        if (request.status != ClearingStatus.SUBMITTED) {
            LOG.infof("AuditCompleted for request %s in state %s ignored", request.id, request.status);
            return;
        }
        // The precision PostgreSQL keeps: ClearingApproved says exactly the cooling-off end the request shows.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        request.decisionMessage = truncate(event.userMessage());
        request.reasons = event.reasons() == null ? List.of() : List.copyOf(event.reasons());
        // Read apart from the account: an erasure at approval locks and reads the account itself (ErasureGate).
        String locale = accounts.localeOf(request.accountId).orElse(null);
        if (event.decision() == AuditCompleted.Decision.APPROVED) {
            approve(request, event.decidedBy(), locale, now);
        } else {
            timeline.conclude(request, ClearingStatus.REJECTED, now, rejectionText(request.reasons, locale));
            outbox.append(new ClearingConcluded(
                    request.id,
                    request.accountId,
                    ClearingConcluded.Outcome.REJECTED,
                    request.reasons,
                    List.of(),
                    now));
        }
    }

    /**
     * Starts the cooling-off and tells of it with {@code ClearingApproved}; without a cooling-off the erasure runs at
     * once, in this transaction, through the same path (and the same re-check of blockers) as a due one.
     */
    private void approve(ClearingRequest request, String decidedBy, String locale, Instant now) {
        request.status = ClearingStatus.APPROVED;
        request.coolingOffEndsAt = now.plus(config.coolingOff());
        String decider = "AUTO".equals(decidedBy)
                ? RequestTimeline.text(locale, "decided-by.auto")
                : RequestTimeline.text(locale, "decided-by.reviewer", decidedBy);
        if (config.coolingOff().isZero()) {
            timeline.append(request.id, now, "APPROVED", RequestTimeline.text(locale, "approved", decider));
            erasure.erase(request, now);
        } else {
            timeline.append(
                    request.id,
                    now,
                    "APPROVED",
                    RequestTimeline.text(
                            locale,
                            "approved.cooling-off",
                            decider,
                            RequestTimeline.time(request.coolingOffEndsAt, locale)));
            outbox.append(new ClearingApproved(request.id, request.accountId, now, request.coolingOffEndsAt));
        }
    }

    /** The reasons' texts, as the request's {@code reasons} show them; the audit's own message stays apart. */
    private static String rejectionText(List<Reason> reasons, String locale) {
        String explained = reasons.isEmpty()
                ? ReasonCode.textOf(null, locale)
                : reasons.stream()
                        .map(r -> ReasonCode.textOf(r.code(), locale))
                        .distinct()
                        .collect(Collectors.joining(" "));
        return truncate(RequestTimeline.text(locale, "rejected", explained), RequestTimeline.DETAIL_LENGTH);
    }

    private static String truncate(String text) {
        return truncate(text, MESSAGE_LENGTH);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
