package io.clearname.account.service;

import io.clearname.account.entity.Account;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.rest.AccountView;
import io.clearname.account.rest.CreateAccountRequest;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final Clock clock;

    public AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public AccountView create(CreateAccountRequest request) {
        var account = new Account();
        account.id = UUID.randomUUID();
        account.phone = request.phone();
        account.email = request.email();
        account.locale = request.locale() == null ? "zh-CN" : request.locale();
        account.createdAt = Instant.now(clock);
        accounts.persist(account);
        return view(account);
    }

    @Transactional
    public AccountView get(UUID id) {
        return view(require(id));
    }

    Account require(UUID id) {
        return accounts.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such account."));
    }

    private static AccountView view(Account account) {
        return new AccountView(account.id, account.phone, account.email, account.locale, account.createdAt);
    }
}
