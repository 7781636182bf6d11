package io.clearname.verification.entity;

/** What one rule made of a request. */
public enum RuleOutcome {
    PASS,
    /** A reviewer must decide. */
    REVIEW,
    /** The request is rejected, with the rule's reason code. */
    REJECT
}
