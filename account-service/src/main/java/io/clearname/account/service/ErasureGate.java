package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.repository.AccountRepository;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.Reason;
import io.clearname.events.ReasonCode;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The blockers checked again when an erasure is due: a legal hold, an investigation, a wallet balance, outstanding
 * credit or VIP auto-renewal that appeared during the review or the cooling-off stops the erasure, and the request ends
 * REJECTED rather than waiting. The erasure is irreversible and was consented to against the preflight the person saw;
 * a RETRY reason tells them a new request can succeed once they resolve it, a FINAL one ({@code ACCOUNT_RESTRICTED})
 * that it cannot while the hold lasts.
 *
 * <p>The account row is locked ({@code FOR UPDATE}) for the rest of the erasure's transaction, and support's changes to
 * an account take the same lock ({@link AccountService#update}): a change either commits before the check and is
 * seen, or waits until the erasure has committed.
 */
@ApplicationScoped
public class ErasureGate {

    private static final Logger LOG = Logger.getLogger(ErasureGate.class);

    private final AccountRepository accounts;
    private final RequestTimeline timeline;
    private final OutboxWriter outbox;

    public ErasureGate(AccountRepository accounts, RequestTimeline timeline, OutboxWriter outbox) {
        this.accounts = accounts;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    /** A blocker found at erasure: its code (as in the preflight) and the reason the request is rejected with. */
    record Found(String code, ReasonCode reason, String money) {}

    /**
     * Locks the request's account and concludes the locked, approved {@code request} REJECTED when a blocker now
     * applies: the timeline names what appeared, {@code reasons} holds the codes, one {@code ClearingConcluded}
     * REJECTED carries them. Call it first in the erasure, before anything reads the account.
     *
     * @return whether the request was rejected, so that nothing must be erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rejectIfBlocked(ClearingRequest request, Instant now) {
        Account account = accounts.lockForUpdate(request.accountId);
        List<Found> found = blockersOf(account);
        if (found.isEmpty()) {
            return false;
        }
        request.reasons = reasonsOf(found);
        String detail = RequestTimeline.text(
                account.locale,
                "erasure-blocked",
                found.stream()
                        .map(f -> RequestTimeline.text(account.locale, "erasure-blocked." + f.code(), f.money()))
                        .collect(
                                Collectors.joining(RequestTimeline.text(account.locale, "erasure-blocked.separator"))));
        // The request's message is the one that decided it; the audit's approval no longer does.
        request.decisionMessage = detail;
        timeline.conclude(request, ClearingStatus.REJECTED, now, detail);
        outbox.append(new ClearingConcluded(
                request.id, request.accountId, ClearingConcluded.Outcome.REJECTED, request.reasons, List.of(), now));
        LOG.infof(
                "clearing %s concluded: REJECTED at erasure (%s)",
                request.id, found.stream().map(Found::code).collect(Collectors.joining(",")));
        return true;
    }

    /** The blockers of a locked account, restrictions first. */
    static List<Found> blockersOf(Account account) {
        List<Found> found = new ArrayList<>();
        Preflight.restrictionsOf(account)
                .forEach(r -> found.add(new Found(r.name(), ReasonCode.ACCOUNT_RESTRICTED, null)));
        if (account.walletBalanceCents > 0) {
            found.add(new Found(
                    "WALLET_BALANCE", ReasonCode.WALLET_BALANCE, HumanFormats.money(account.walletBalanceCents)));
        }
        if (account.outstandingCreditCents > 0) {
            found.add(new Found(
                    "OUTSTANDING_CREDIT",
                    ReasonCode.OUTSTANDING_CREDIT,
                    HumanFormats.money(account.outstandingCreditCents)));
        }
        if (account.vipAutoRenew) {
            found.add(new Found("AUTO_RENEW_ACTIVE", ReasonCode.AUTO_RENEW_ACTIVE, null));
        }
        return found;
    }

    /** The reasons of {@link #blockersOf}, as events carry them. */
    static List<Reason> reasonsOf(List<Found> found) {
        return found.stream().map(f -> f.reason().reason()).distinct().toList();
    }
}
