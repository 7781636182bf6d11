package io.clearname.account.service;

import io.clearname.kit.problem.ProblemType;

/** Problem types of account-service; documented in docs/problems.md. */
public enum AccountProblems implements ProblemType {
    CLEARING_BLOCKED("clearing-blocked", "The real name cannot be cleared now", 409),
    CLEARING_ACTIVE("clearing-active", "A clearing request is already active for this account", 409),
    ACKNOWLEDGEMENTS_MISSING("acknowledgements-missing", "Every acknowledgement is required to submit", 422);

    private final String slug;
    private final String title;
    private final int status;

    AccountProblems(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String uri() {
        return BASE + slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
