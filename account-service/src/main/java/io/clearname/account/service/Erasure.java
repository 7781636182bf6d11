package io.clearname.account.service;

import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.events.ClearingConcluded;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Erases an approved request's real name for good, revokes what depended on it, writes the erasure receipt and
 * concludes the request CLEARED with one {@code ClearingConcluded}.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final IdDocumentRepository documents;
    private final ClearingRequestRepository requests;
    private final RealNameVault vault;
    private final ErasureReceipt receipt;
    private final RequestTimeline timeline;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ErasureGate gate;

    public Erasure(
            AccountService accounts,
            RealNameRepository realNames,
            IdDocumentRepository documents,
            ClearingRequestRepository requests,
            RealNameVault vault,
            ErasureReceipt receipt,
            RequestTimeline timeline,
            OutboxWriter outbox,
            Clock clock,
            ErasureGate gate) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.documents = documents;
        this.requests = requests;
        this.vault = vault;
        this.receipt = receipt;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * Erases the real names of approved requests whose cooling-off is over. Each request is locked with SKIP LOCKED,
     * so several instances (or a withdrawal in progress) never erase one twice; a restart loses nothing, since what is
     * due is read from the database.
     *
     * @return how many requests were cleared
     */
    @Transactional
    public int eraseDue(int limit) {
        Instant now = Instant.now(clock);
        List<ClearingRequest> due = requests.lockDueForErasure(now, limit);
        due.forEach(request -> erase(request, now));
        return due.size();
    }

    /** Erases the locked, approved {@code request} now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(ClearingRequest request, Instant now) {
        if (gate.rejectIfBlocked(request, now)) {
            return;
        }
        // Crypto-shredding: the data key goes too (KeyShredder, right after this commits), so copies of the ciphertext
        // in backups of this database can no longer be read.
        realNames.findByIdOptional(request.accountId).ifPresent(r -> vault.release(r.dataKeyId));
        long names = realNames.delete("accountId", request.accountId);
        long images = documents.deleteOf(request.accountId);
        List<String> revoked = Entitlements.revoke(accounts.require(request.accountId));
        receipt.record(request.id, names, images, revoked);
        timeline.conclude(
                request,
                ClearingStatus.CLEARED,
                now,
                "Real-name data erased: name and ID number (" + names + " record), " + images
                        + " document image reference(s)"
                        + (revoked.isEmpty() ? "" : "; revoked: " + String.join(", ", revoked)));
        outbox.append(new ClearingConcluded(
                request.id, request.accountId, ClearingConcluded.Outcome.CLEARED, List.of(), revoked, now));
        LOG.debugf("clearing %s concluded: CLEARED", request.id);
    }
}
