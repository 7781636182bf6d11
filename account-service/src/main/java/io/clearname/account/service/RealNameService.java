package io.clearname.account.service;

import io.clearname.account.entity.IdDocument;
import io.clearname.account.entity.RealName;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.kit.pii.PiiMasking;
import io.clearname.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    public RealNameStatus bind(UUID accountId, String legalName, String idNumber, List<IdImage> images) {
        bindVerified(accountId, legalName, idNumber, Instant.now(clock), images);
        return status(accountId);
    }

    /** Binds a verified real name; 409 while a clearing is active, since the audit is about the bound identity. */
    @Transactional(Transactional.TxType.MANDATORY)
    void bindVerified(UUID accountId, String legalName, String idNumber, Instant verifiedAt, List<IdImage> images) {
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
            for (IdImage image : images) {
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
    public RealNameStatus status(UUID accountId) {
        accounts.require(accountId);
        var active = requests.findActive(accountId);
        var realName = realNames.findByIdOptional(accountId);
        if (realName.isEmpty()) {
            var status =
                    requests.hasCleared(accountId) ? RealNameStatus.Status.CLEARED : RealNameStatus.Status.UNVERIFIED;
            return new RealNameStatus(status, null, null, null, List.of(), null);
        }
        RealName r = realName.get();
        return new RealNameStatus(
                active.isPresent() ? RealNameStatus.Status.CLEARING : RealNameStatus.Status.VERIFIED,
                maskName(vault.legalName(r)),
                PiiMasking.maskIdNumber(vault.idNumber(r)),
                r.verifiedAt,
                documents.of(accountId).stream().map(d -> d.category).toList(),
                active.map(a -> a.id).orElse(null));
    }

    /** First character and one asterisk: "张*". */
    static String maskName(String legalName) {
        return legalName.substring(0, legalName.offsetByCodePoints(0, 1)) + "*";
    }
}
