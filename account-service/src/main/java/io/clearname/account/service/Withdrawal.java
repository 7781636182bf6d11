package io.clearname.account.service;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.events.ClearingConcluded;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The person takes back an active request; their real name is kept. */
@ApplicationScoped
public class Withdrawal {

    private static final Logger LOG = Logger.getLogger(Withdrawal.class);

    private final ClearingRequestRepository requests;
    private final AccountRepository accounts;
    private final RequestTimeline timeline;
    private final OutboxWriter outbox;
    private final Clock clock;

    public Withdrawal(
            ClearingRequestRepository requests,
            AccountRepository accounts,
            RequestTimeline timeline,
            OutboxWriter outbox,
            Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Withdraws an active request: 409 once it has concluded. The row lock orders a withdrawal against an approval or
     * an erasure of the same request, so exactly one of them wins.
     */
    @Transactional
    public void withdraw(UUID accountId, UUID requestId) {
        ClearingRequest request = requests.lockById(requestId)
                .filter(r -> r.accountId.equals(accountId))
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such clearing request."));
        if (!request.status.active()) {
            throw new ProblemException(Problem.of(
                            AccountProblems.NOT_WITHDRAWABLE,
                            "The request has concluded (" + request.status + ") and can no longer be withdrawn.")
                    .with("requestStatus", request.status));
        }
        Instant now = Instant.now(clock);
        String locale = accounts.localeOf(accountId).orElse(null);
        timeline.conclude(request, ClearingStatus.WITHDRAWN, now, RequestTimeline.text(locale, "withdrawn"));
        outbox.append(new ClearingConcluded(
                request.id, request.accountId, ClearingConcluded.Outcome.WITHDRAWN, List.of(), List.of(), now));
        LOG.infof("clearing %s concluded: WITHDRAWN", request.id);
    }
}
