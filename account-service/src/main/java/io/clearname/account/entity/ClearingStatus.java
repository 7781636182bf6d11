package io.clearname.account.entity;

/** The lifecycle of a clearing request (DESIGN section 4). */
public enum ClearingStatus {
    SUBMITTED,
    APPROVED,
    CLEARED,
    REJECTED,
    WITHDRAWN;

    public boolean active() {
        return this == SUBMITTED || this == APPROVED;
    }
}
