package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.repository.AccountRepository;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Accounts as support creates and changes them, including what they bring over from an identity platform. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final RealNameService realNames;
    private final Clock clock;

    public AccountService(AccountRepository accounts, RealNameService realNames, Clock clock) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.clock = clock;
    }

    @Transactional
    public AccountDetails create(AccountChanges request) {
        var account = new Account();
        account.id = UUID.randomUUID();
        account.phone = request.phone();
        account.email = request.email();
        account.locale = request.locale() == null ? "zh-CN" : request.locale();
        account.createdAt = Instant.now(clock);
        accounts.persist(account);
        apply(account, request);
        return view(account);
    }

    /**
     * Changes what the request names and leaves the rest; a real name cannot change while a clearing is active. The
     * account row is locked first, as the erasure's re-check of blockers locks it ({@link ErasureGate}): a hold or a
     * balance set while an erasure runs waits for it, and one set before is seen by it.
     */
    @Transactional
    public AccountDetails update(UUID id, AccountChanges request) {
        Account account = accounts.lockForUpdate(id);
        if (request.phone() != null) {
            account.phone = request.phone();
        }
        if (request.email() != null) {
            account.email = request.email();
        }
        if (request.locale() != null) {
            account.locale = request.locale();
        }
        apply(account, request);
        return view(account);
    }

    @Transactional
    public AccountDetails get(UUID id) {
        return view(accounts.require(id));
    }

    Account require(UUID id) {
        return accounts.require(id);
    }

    private void apply(Account account, AccountChanges holdings) {
        if (holdings.vip() != null) {
            account.vipPaid = holdings.vip().paid();
            account.vipExpiresAt = holdings.vip().expiresAt();
            account.vipAutoRenew = holdings.vip().autoRenew();
        }
        if (holdings.cloudStorage() != null) {
            if (holdings.cloudStorage().usedBytes() > holdings.cloudStorage().quotaBytes()
                    && holdings.cloudStorage().quotaBytes() > 0) {
                throw new ProblemException(
                        ProblemType.Common.VALIDATION_FAILED,
                        "Invalid fields: cloudStorage.usedBytes exceeds quotaBytes");
            }
            account.cloudQuotaBytes = holdings.cloudStorage().quotaBytes();
            account.cloudUsedBytes = holdings.cloudStorage().usedBytes();
        }
        if (holdings.walletBalanceCents() != null) {
            account.walletBalanceCents = holdings.walletBalanceCents();
        }
        if (holdings.outstandingCreditCents() != null) {
            account.outstandingCreditCents = holdings.outstandingCreditCents();
        }
        if (holdings.restrictions() != null) {
            account.restrict(holdings.restrictions());
        }
        if (holdings.lastSecurityChangeAt() != null) {
            account.lastSecurityChangeAt = holdings.lastSecurityChangeAt();
        }
        if (holdings.realName() != null) {
            var imported = holdings.realName();
            realNames.bindVerified(
                    account.id,
                    imported.legalName(),
                    imported.idNumber(),
                    imported.verifiedAt() == null ? Instant.now(clock) : imported.verifiedAt(),
                    imported.documents());
        }
    }

    private AccountDetails view(Account account) {
        return new AccountDetails(account, realNames.status(account.id));
    }
}
