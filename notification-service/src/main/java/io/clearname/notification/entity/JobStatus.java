package io.clearname.notification.entity;

/** A notification job's delivery state: PENDING until sent, or until the retries are used up. */
public enum JobStatus {
    PENDING,
    DELIVERED,
    FAILED
}
