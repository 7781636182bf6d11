package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.EntitlementRevocation;
import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.IdDocument;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.EntitlementRevocationRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.EntitlementsRevoked;
import io.clearname.events.IdDocumentsReleased;
import io.clearname.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases an approved request's real name for good, revokes what depended on it, tells the systems outside the suite
 * (the image store: {@code IdDocumentsReleased}; membership, billing, cloud storage: {@code EntitlementsRevoked}),
 * writes the erasure receipt and concludes the request CLEARED with one {@code ClearingConcluded}, all in one
 * transaction.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private static final String TEXTS = "receipt";

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final IdDocumentRepository documents;
    private final ClearingRequestRepository requests;
    private final EntitlementRevocationRepository revocations;
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
            EntitlementRevocationRepository revocations,
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
        this.revocations = revocations;
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
        // in backups of this database can no longer be read. The queue row names the request, so that KeyShredder can
        // mark the receipt's DATA_KEY line done.
        UUID dataKey = realNames
                .findByIdOptional(request.accountId)
                .map(r -> {
                    vault.release(r.dataKeyId, request.id);
                    return r.dataKeyId;
                })
                .orElse(null);
        long names = realNames.delete("accountId", request.accountId);
        // Read before deleting: the image store is told which images to delete by their document ids.
        List<IdDocument> released = documents.of(request.accountId);
        documents.deleteOf(request.accountId);
        Account account = accounts.require(request.accountId);
        List<Entitlements.Revoked> revoked = Entitlements.revoke(account);

        if (!released.isEmpty()) {
            outbox.append(new IdDocumentsReleased(
                    request.id,
                    request.accountId,
                    now,
                    released.stream()
                            .map(d -> new IdDocumentsReleased.Document(d.id, d.category.name()))
                            .toList()));
        }
        if (!revoked.isEmpty()) {
            revoked.forEach(r -> revocations.persist(revocation(request, r, now)));
            outbox.append(new EntitlementsRevoked(
                    request.id,
                    request.accountId,
                    now,
                    revoked.stream()
                            .map(r -> new EntitlementsRevoked.Revocation(
                                    r.entitlement(),
                                    r.paidUntil(),
                                    r.autoRenewCancelled(),
                                    r.quotaBytes(),
                                    r.usedBytes()))
                            .toList()));
        }
        List<ErasureReceiptItem> lines = receipt.record(new ErasureReceipt.Erased(
                request.id,
                account.locale,
                request.submittedAt,
                now,
                names,
                dataKey != null,
                released.size(),
                revoked));
        timeline.conclude(
                request, ClearingStatus.CLEARED, now, timelineDetail(account.locale, names, released.size(), revoked));
        outbox.append(new ClearingConcluded(
                request.id,
                request.accountId,
                ClearingConcluded.Outcome.CLEARED,
                List.of(),
                revoked.stream().map(Entitlements.Revoked::entitlement).toList(),
                now,
                lines.stream()
                        .map(l -> new ClearingConcluded.ReceiptLine(l.category, l.outcome.name()))
                        .toList()));
        LOG.debugf("clearing %s concluded: CLEARED", request.id);
    }

    private static EntitlementRevocation revocation(ClearingRequest request, Entitlements.Revoked revoked, Instant at) {
        var revocation = new EntitlementRevocation();
        revocation.id = UUID.randomUUID();
        revocation.requestId = request.id;
        revocation.accountId = request.accountId;
        revocation.entitlement = revoked.entitlement();
        revocation.paidUntil = revoked.paidUntil();
        revocation.autoRenewCancelled = revoked.autoRenewCancelled();
        revocation.quotaBytes = revoked.quotaBytes();
        revocation.usedBytes = revoked.usedBytes();
        revocation.revokedAt = at;
        return revocation;
    }

    /** What the erasure did, in one sentence of the timeline, in the account's language. */
    private static String timelineDetail(String locale, long names, int documents, List<Entitlements.Revoked> revoked) {
        String documentsPart = documents == 0 ? "" : Texts.of(TEXTS, "timeline.documents", locale, documents);
        String revokedPart = revoked.isEmpty()
                ? ""
                : Texts.of(
                        TEXTS,
                        "timeline.revoked",
                        locale,
                        String.join(
                                Texts.of(TEXTS, "timeline.separator", locale),
                                revoked.stream()
                                        .map(r -> Texts.of(TEXTS, "timeline.entitlement." + r.entitlement(), locale))
                                        .toList()));
        return Texts.of(TEXTS, "timeline.cleared", locale, names, documentsPart, revokedPart);
    }
}
