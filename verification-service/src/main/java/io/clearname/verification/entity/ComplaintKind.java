package io.clearname.verification.entity;

/** What a complaint does, depending on the case when it arrives. */
public enum ComplaintKind {
    /** On an open case: raises its priority; answered by the decision, or by staff in the meantime. */
    ESCALATION,
    /** On a rejected case with no appeal yet: opens an {@link Appeal}, whose decision answers it. */
    APPEAL,
    /** On any other closed case, or after an appeal: customer service answers it. */
    COMPLAINT
}
