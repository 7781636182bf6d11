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
    /**
     * ComplaintReceived: the complaint was received; who answers it and by when depends on its kind (an escalation of
     * an open case, an appeal of a rejection, or a complaint customer service answers).
     */
    COMPLAINT_RECEIVED,
    /** AuditDelayed: the audit missed its due date and was escalated. */
    AUDIT_DELAYED,
    /** ClearingApproved: approved; when the real name is erased and that it may be withdrawn until then. */
    APPROVED,
    /** ReviewStarted: a reviewer looks at the request; when to expect a decision; it may still be withdrawn. */
    IN_REVIEW,
    /** ComplaintAnswered: the answer to a complaint, and how to reply. */
    COMPLAINT_ANSWERED,
    /** AppealDecided: the second review's final decision; after OVERTURNED, until when a new request may be made. */
    APPEAL_DECIDED;

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

    /**
     * Whether the request's outcome makes the notice moot: it tells of a wait (a delay, a review, a cooling-off) that
     * the outcome ended. Such a notice not yet on its way when the outcome arrives, or arriving after it, is
     * superseded and never sent.
     */
    public boolean mootOnceConcluded() {
        return this == AUDIT_DELAYED || this == APPROVED || this == IN_REVIEW;
    }

    /** The name of its templates: {@code complaint-received} for COMPLAINT_RECEIVED. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
