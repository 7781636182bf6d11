package io.clearname.notification.entity;

import io.clearname.events.ClearingConcluded;

/** What a notice says. One per outcome of a clearing; receipts and delay notices will add their own. */
public enum Template {
    CLEARING_CLEARED,
    CLEARING_REJECTED,
    CLEARING_WITHDRAWN;

    public static Template of(ClearingConcluded.Outcome outcome) {
        return switch (outcome) {
            case CLEARED -> CLEARING_CLEARED;
            case REJECTED -> CLEARING_REJECTED;
            case WITHDRAWN -> CLEARING_WITHDRAWN;
        };
    }
}
