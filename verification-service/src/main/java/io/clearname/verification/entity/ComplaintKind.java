package io.clearname.verification.entity;

/** What a complaint does, depending on the case when it arrives. */
public enum ComplaintKind {
    /** On an open case: raises its priority. */
    ESCALATION,
    /** On a decided or withdrawn case: recorded for customer service, the case stays as it is. */
    APPEAL
}
