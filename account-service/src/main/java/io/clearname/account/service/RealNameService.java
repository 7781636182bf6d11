package io.clearname.account.service;

import io.clearname.account.entity.IdDocument;
import io.clearname.account.entity.RealName;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.account.rest.BindRealNameRequest;
import io.clearname.account.rest.DocumentReference;
import io.clearname.account.rest.RealNameView;
import io.clearname.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class RealNameService {

    private final AccountRepository accounts;
    private final RealNameRepository realNames;
    private final ClearingRequestRepository requests;
    private final IdDocumentRepository documents;
    private final RealNameVault vault;
    private final Clock clock;

    public RealNameService(
            AccountRepository accounts,
            RealNameRepository realNames,
            ClearingRequestRepository requests,
            IdDocumentRepository documents,
            RealNameVault vault,
            Clock clock) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.requests = requests;
        this.documents = documents;
        this.vault = vault;
        this.clock = clock;
    }

    @Transactional
    public RealNameView bind(UUID accountId, BindRealNameRequest request) {
        bindVerified(accountId, request.legalName(), request.idNumber(), Instant.now(clock), request.documents());
        return view(accountId);
    }

    /** Binds a verified real name; 409 while a clearing is active, since the audit is about the bound identity. */
    @Transactional(Transactional.TxType.MANDATORY)
    void bindVerified(
            UUID accountId,
            String legalName,
            String idNumber,
            Instant verifiedAt,
            java.util.List<DocumentReference> images) {
        accounts.require(accountId);
        if (requests.findActive(accountId).isPresent()) {
            throw new ProblemException(
                    AccountProblems.CLEARING_ACTIVE, "The real name cannot change while a clearing is active.");
        }
        RealName realName = realNames.findByIdOptional(accountId).orElseGet(RealName::new);
        realName.accountId = accountId;
        var dataKey = vault.seal(realName, legalName.strip(), IdNumbers.normalize(idNumber));
        realName.verifiedAt = verifiedAt;
        realNames.persist(realName);
        documents.deleteOf(accountId);
        if (images != null) {
            for (DocumentReference image : images) {
                var document = new IdDocument();
                document.id = UUID.randomUUID();
                document.accountId = accountId;
                document.category = image.category();
                vault.seal(dataKey, document, image.reference());
                document.addedAt = verifiedAt;
                documents.persist(document);
            }
        }
    }

    @Transactional
    public RealNameView view(UUID accountId) {
        accounts.require(accountId);
        var active = requests.findActive(accountId);
        var realName = realNames.findByIdOptional(accountId);
        if (realName.isEmpty()) {
            var status = requests.hasCleared(accountId) ? RealNameView.Status.CLEARED : RealNameView.Status.UNVERIFIED;
            return new RealNameView(status, null, null, null, java.util.List.of(), null);
        }
        RealName r = realName.get();
        return new RealNameView(
                active.isPresent() ? RealNameView.Status.CLEARING : RealNameView.Status.VERIFIED,
                maskName(vault.legalName(r)),
                IdNumbers.mask(vault.idNumber(r)),
                r.verifiedAt,
                documents.of(accountId).stream().map(d -> d.category).toList(),
                active.map(a -> a.id).orElse(null));
    }

    /** First character and one asterisk: "张*". */
    static String maskName(String legalName) {
        return legalName.substring(0, legalName.offsetByCodePoints(0, 1)) + "*";
    }
}
