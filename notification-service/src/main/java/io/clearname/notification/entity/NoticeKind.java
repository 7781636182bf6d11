package io.clearname.notification.entity;

import io.clearname.events.ClearingConcluded;
import java.util.Locale;

/** What a notice is about; each kind has its templates (email subject and body, SMS text) in every language. */
public enum NoticeKind {
    /** ClearRequested: the request was received; what happens next, when to expect a decision, how to withdraw. */
    RECEIPT,
    /** ClearingConcluded CLEARED: what was erased and which rights were revoked. */
    CLEARED,
    /** ClearingConcluded REJECTED: the reasons, whether a new request may succeed, how to complain. */
    REJECTED,
    /** ClearingConcluded WITHDRAWN: confirmation that nothing changed. */
    WITHDRAWN,
    /** ComplaintReceived: the complaint was received and the case escalated. */
    COMPLAINT_RECEIVED,
    /** AuditDelayed: the audit missed its due date and was escalated. */
    AUDIT_DELAYED;

    public static NoticeKind of(ClearingConcluded.Outcome outcome) {
        return switch (outcome) {
            case CLEARED -> CLEARED;
            case REJECTED -> REJECTED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    /** Whether the notice tells the outcome of the request, after which its contact snapshot may expire. */
    public boolean concludes() {
        return this == CLEARED || this == REJECTED || this == WITHDRAWN;
    }

    /** The name of its templates: {@code complaint-received} for COMPLAINT_RECEIVED. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
