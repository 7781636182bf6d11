package io.clearname.account.entity;

/** Restrictions on an account; the audit rejects a clearing of a restricted account. */
public enum Restriction {
    LEGAL_HOLD,
    UNDER_INVESTIGATION
}
