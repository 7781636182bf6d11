package io.clearname.notification.entity;

/** A notification job's delivery state. */
public enum JobStatus {
    /** The request's contact snapshot (ClearRequested) has not arrived yet; released when it does. */
    PENDING_CONTACT,
    /**
     * Due at {@code next_attempt_at}: the first attempt, a retry after a transient failure, or the next attempt after
     * one whose outcome is unknown (held until the first can no longer be on its way).
     */
    PENDING,
    /** Claimed by a dispatcher until its lease expires ({@code next_attempt_at}); then anyone may retry it. */
    SENDING,
    DELIVERED,
    /** Given up: a permanent failure, the last attempt failed, or no contact point on this channel. */
    FAILED,
    /**
     * Never sent, because the request's outcome made it moot: a delay, review or approval notice not yet on its way
     * when the request concluded, or arriving after. Publishes no UserNotified.
     */
    SUPERSEDED;

    /** Whether the job may still send something. */
    public boolean open() {
        return this == PENDING_CONTACT || this == PENDING || this == SENDING;
    }
}
