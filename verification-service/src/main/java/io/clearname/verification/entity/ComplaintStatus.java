package io.clearname.verification.entity;

/** Whether a complaint still waits for an answer. */
public enum ComplaintStatus {
    OPEN,
    ANSWERED
}
