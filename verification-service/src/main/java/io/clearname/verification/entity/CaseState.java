package io.clearname.verification.entity;

/** Where an audit case stands. Only {@link #IN_REVIEW} is open: in the reviewers' queue and under the SLA. */
public enum CaseState {
    /** Waiting for a reviewer's decision. */
    IN_REVIEW,
    /** Decided, automatically or by a reviewer; its AuditCompleted is published. */
    DECIDED,
    /** The person withdrew the request before a decision; closed without one. */
    WITHDRAWN,
    /**
     * The request had concluded (CLEARED or REJECTED) before it arrived here, so it was never audited; closed without
     * a decision. Only a conclusion that overtook its request leads here: see docs/event-ordering.md.
     */
    CONCLUDED
}
