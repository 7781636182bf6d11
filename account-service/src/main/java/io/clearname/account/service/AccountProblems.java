package io.clearname.account.service;

import io.clearname.kit.problem.ProblemType;

/** Problem types of account-service; documented in docs/problems.md. */
public final class AccountProblems {

    public static final ProblemType CLEARING_BLOCKED =
            ProblemType.define("clearing-blocked", "The real name cannot be cleared now", 409);
    public static final ProblemType CLEARING_ACTIVE =
            ProblemType.define("clearing-active", "A clearing request is already active for this account", 409);
    public static final ProblemType ACKNOWLEDGEMENTS_MISSING =
            ProblemType.define("acknowledgements-missing", "Every acknowledgement is required to submit", 422);

    public static final ProblemType NOT_WITHDRAWABLE =
            ProblemType.define("not-withdrawable", "The clearing request can no longer be withdrawn", 409);

    public static final ProblemType EXPORT_RATE_LIMITED = ProblemType.define(
            "export-rate-limited", "Too many data exports of this account; retry after the time given", 429);

    private AccountProblems() {}
}
