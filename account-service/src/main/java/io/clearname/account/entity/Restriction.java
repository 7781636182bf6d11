package io.clearname.account.entity;

/**
 * Restrictions on an account. Each blocks a clearing: the preflight and the submission refuse it, an erasure that finds
 * one ends the request REJECTED ({@code ACCOUNT_RESTRICTED}), and the audit rejects a restricted account too.
 */
public enum Restriction {
    LEGAL_HOLD,
    UNDER_INVESTIGATION
}
