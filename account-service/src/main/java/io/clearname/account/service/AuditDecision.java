package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearingConcluded;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the audit's decision to a SUBMITTED request: an approval starts the cooling-off (or erases at once when it
 * is zero), a rejection concludes the request. Anything else is a late or repeated event and changes nothing.
 */
@ApplicationScoped
public class AuditDecision {

    private static final Logger LOG = Logger.getLogger(AuditDecision.class);
    private static final int MESSAGE_LENGTH = 512;

    private final ClearingRequestRepository requests;
    private final RequestTimeline timeline;
    private final Erasure erasure;
    private final OutboxWriter outbox;
    private final ClearingConfig config;
    private final Clock clock;

    public AuditDecision(
            ClearingRequestRepository requests,
            RequestTimeline timeline,
            Erasure erasure,
            OutboxWriter outbox,
            ClearingConfig config,
            Clock clock) {
        this.requests = requests;
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
        Instant now = Instant.now(clock);
        request.decisionMessage = truncate(event.userMessage());
        request.reasons = event.reasons() == null ? List.of() : List.copyOf(event.reasons());
        if (event.decision() == AuditCompleted.Decision.APPROVED) {
            approve(request, event.decidedBy(), now);
        } else {
            timeline.conclude(request, ClearingStatus.REJECTED, now, event.userMessage());
            outbox.append(new ClearingConcluded(
                    request.id,
                    request.accountId,
                    ClearingConcluded.Outcome.REJECTED,
                    request.reasons,
                    List.of(),
                    now));
        }
    }

    private void approve(ClearingRequest request, String decidedBy, Instant now) {
        request.status = ClearingStatus.APPROVED;
        request.coolingOffEndsAt = now.plus(config.coolingOff());
        if (config.coolingOff().isZero()) {
            timeline.append(request.id, now, "APPROVED", "The audit approved the clearing (" + decidedBy + ")");
            erasure.erase(request, now);
        } else {
            timeline.append(
                    request.id,
                    now,
                    "APPROVED",
                    "The audit approved the clearing (" + decidedBy + "); the real name is erased at "
                            + request.coolingOffEndsAt + " unless you withdraw before then");
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH);
    }
}
