package io.clearname.account.service;

import io.clearname.account.entity.Account;

/** An account with the status of its real name, as support sees it. */
public record AccountDetails(Account account, RealNameStatus realName) {}
