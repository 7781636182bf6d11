package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.ErasureReceiptRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.account.repository.TimelineRepository;
import io.clearname.events.Acknowledgement;
import io.clearname.events.ReasonCode;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a person reads about clearing: the pre-flight check and their requests. */
@ApplicationScoped
public class ClearingQueries {

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final ClearingRequestRepository requests;
    private final TimelineRepository timeline;
    private final ErasureReceiptRepository receipts;
    private final ClearingConfig config;
    private final Clock clock;

    public ClearingQueries(
            AccountService accounts,
            RealNameRepository realNames,
            ClearingRequestRepository requests,
            TimelineRepository timeline,
            ErasureReceiptRepository receipts,
            ClearingConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.requests = requests;
        this.timeline = timeline;
        this.receipts = receipts;
        this.config = config;
        this.clock = clock;
    }

    /** What the person should know before clearing; the same blockers refuse a submission. */
    @Transactional
    public PreflightReport preflight(UUID accountId) {
        Account account = accounts.require(accountId);
        Instant now = Instant.now(clock);
        var blockers = Preflight.blockers(
                account,
                realNames.findByIdOptional(accountId).isPresent(),
                requests.findActive(accountId).isPresent());
        return new PreflightReport(
                blockers,
                Preflight.consequences(account, now),
                Preflight.BACKUP_REMINDER,
                PiiMasking.maskPhone(account.phone),
                PiiMasking.maskEmail(account.email),
                List.of(Acknowledgement.values()),
                now.plus(config.expectedDecisionWithin()));
    }

    @Transactional
    public ClearingDetails get(UUID accountId, UUID requestId) {
        String locale = accounts.require(accountId).locale;
        return requests.findOwned(accountId, requestId)
                .map(r -> details(r, locale))
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such clearing request."));
    }

    @Transactional
    public List<ClearingDetails> list(UUID accountId) {
        String locale = accounts.require(accountId).locale;
        return requests.listOwned(accountId).stream()
                .map(r -> details(r, locale))
                .toList();
    }

    private ClearingDetails details(ClearingRequest request, String locale) {
        return new ClearingDetails(
                request,
                request.reasons.stream()
                        .map(r -> new ClearingDetails.Reason(
                                r.code(),
                                r.finality() == null ? null : r.finality().name(),
                                ReasonCode.textOf(r.code(), locale)))
                        .toList(),
                timeline.of(request.id),
                receipts.of(request.id));
    }
}
