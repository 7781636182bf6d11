package io.clearname.verification.entity;

/** The kinds of {@link CaseAction}. */
public enum CaseActionType {
    /**
     * The case of a new request was opened: the rules ran, or, when the request's conclusion had arrived before it,
     * the case opened closed without them.
     */
    OPENED,
    /** A reviewer claimed the case. */
    ASSIGNED,
    /** The reviewer holding the case let it go. */
    RELEASED,
    /** Decided, by the rules (actor SYSTEM) or a reviewer. */
    DECIDED,
    /** The case reached the at-risk mark of its SLA; priority raised. */
    ESCALATED,
    /** The case reached its due date undecided; priority raised, the person told of the delay. */
    BREACHED,
    /** The owner complained while the case was open; priority raised. */
    COMPLAINT,
    /** The owner complained after the decision; for customer service, the case stays decided. */
    APPEAL,
    /** The request was withdrawn before a decision; the case left the queue. */
    WITHDRAWN,
    /** The request's real name was cleared; its fingerprint joined the history. */
    CLEARED
}
