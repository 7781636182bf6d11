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
    /**
     * The owner complained: while the case was open (priority raised), or after it closed with no appeal to open (for
     * customer service, the case stays as it is).
     */
    COMPLAINT,
    /** Staff answered a complaint on the case. */
    COMPLAINT_ANSWERED,
    /** The owner appealed the rejection; an appeal was opened, the case stays decided. */
    APPEAL,
    /** A reviewer claimed the case's appeal. */
    APPEAL_ASSIGNED,
    /** The reviewer holding the appeal let it go. */
    APPEAL_RELEASED,
    /** A lead gave the case's appeal to another reviewer. */
    APPEAL_REASSIGNED,
    /** The appeal was decided, UPHELD or OVERTURNED; final. */
    APPEAL_DECIDED,
    /** A lead gave the case to another reviewer. */
    REASSIGNED,
    /** A rule's rejection was set aside by an overturned appeal of an earlier request of the account. */
    SET_ASIDE,
    /** The request was withdrawn before a decision; the case left the queue. */
    WITHDRAWN,
    /** The request's real name was cleared; its fingerprint joined the history. */
    CLEARED
}
