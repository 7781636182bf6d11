package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.EntitlementRevocation;
import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.TimelineEntry;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.DataExportRepository;
import io.clearname.account.repository.EntitlementRevocationRepository;
import io.clearname.account.repository.ErasureReceiptRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.account.repository.TimelineRepository;
import io.clearname.events.ReasonCode;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a person reads about clearing: the pre-flight check and their requests. */
@ApplicationScoped
public class ClearingQueries {

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final ClearingRequestRepository requests;
    private final TimelineRepository timeline;
    private final ErasureReceiptRepository receipts;
    private final EntitlementRevocationRepository revocations;
    private final DataExportRepository exports;
    private final ClearingConfig config;
    private final Clock clock;

    public ClearingQueries(
            AccountService accounts,
            RealNameRepository realNames,
            ClearingRequestRepository requests,
            TimelineRepository timeline,
            ErasureReceiptRepository receipts,
            EntitlementRevocationRepository revocations,
            DataExportRepository exports,
            ClearingConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.requests = requests;
        this.timeline = timeline;
        this.receipts = receipts;
        this.revocations = revocations;
        this.exports = exports;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What the person should know before clearing; the same blockers refuse a submission. The texts are in {@code
     * language} when it is one of {@link Texts#LANGUAGES}, in the account's language otherwise (null included).
     */
    @Transactional
    public PreflightReport preflight(UUID accountId, String language) {
        Account account = accounts.require(accountId);
        Instant now = Instant.now(clock);
        return Preflight.report(
                account,
                realNames.findByIdOptional(accountId).isPresent(),
                requests.findActive(accountId).isPresent(),
                Texts.LANGUAGES.stream()
                        .filter(l -> l.equalsIgnoreCase(language))
                        .findFirst()
                        .orElseGet(() -> Texts.language(account.locale)),
                now,
                now.plus(config.expectedDecisionWithin()),
                exports.lastOf(accountId).orElse(null));
    }

    /**
     * One of the person's requests. Reads run without a transaction: each statement sees committed data, which is all
     * a transaction would give at READ COMMITTED, and a status poll stays one round trip per query.
     */
    public ClearingDetails get(UUID accountId, UUID requestId) {
        ClearingRequestRepository.Owned owned = requests.findOwned(accountId, requestId)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such clearing request."));
        ClearingRequest request = owned.request();
        // Erasure writes the receipt and the revocations in the transaction that concludes the request CLEARED.
        boolean cleared = request.status == ClearingStatus.CLEARED;
        return details(
                request,
                owned.locale(),
                timeline.of(request.id),
                cleared ? receipts.of(request.id) : List.of(),
                cleared ? revocations.of(request.id) : List.of());
    }

    /** The person's requests, newest first, with their timelines and receipts read in one query each. */
    public List<ClearingDetails> list(UUID accountId) {
        String locale = accounts.require(accountId).locale;
        List<ClearingRequest> owned = requests.listOwned(accountId);
        Set<UUID> ids = owned.stream().map(r -> r.id).collect(Collectors.toSet());
        Map<UUID, List<TimelineEntry>> timelines = timeline.of(ids);
        List<UUID> cleared = owned.stream()
                .filter(r -> r.status == ClearingStatus.CLEARED)
                .map(r -> r.id)
                .toList();
        Map<UUID, List<ErasureReceiptItem>> receipted = receipts.of(cleared);
        Map<UUID, List<EntitlementRevocation>> revoked = revocations.of(cleared);
        return owned.stream()
                .map(r -> details(
                        r,
                        locale,
                        timelines.getOrDefault(r.id, List.of()),
                        receipted.getOrDefault(r.id, List.of()),
                        revoked.getOrDefault(r.id, List.of())))
                .toList();
    }

    private static ClearingDetails details(
            ClearingRequest request,
            String locale,
            List<TimelineEntry> timeline,
            List<ErasureReceiptItem> receipt,
            List<EntitlementRevocation> revocations) {
        return new ClearingDetails(
                request,
                request.reasons.stream()
                        .map(r -> new ClearingDetails.Reason(
                                r.code(),
                                r.finality() == null ? null : r.finality().name(),
                                ReasonCode.textOf(r.code(), locale)))
                        .toList(),
                timeline,
                receipt,
                revocations);
    }
}
