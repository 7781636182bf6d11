package io.clearname.events;

import io.clearname.events.AuditCompleted.Decision;
import io.clearname.events.ClearRequested.AuditSnapshot;
import io.clearname.events.ClearRequested.Contact;
import io.clearname.events.ClearingConcluded.Outcome;
import io.clearname.events.Reason.Finality;
import io.clearname.events.UserNotified.Channel;
import io.clearname.events.UserNotified.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic events of one request's journey, with made-up contact data and fingerprint. */
final class SampleEvents {

    static final UUID REQUEST_ID = UUID.fromString("0b7e2f4c-58a1-4d2e-9f63-2c1a7d9e4b10");
    static final UUID ACCOUNT_ID = UUID.fromString("c3d1a9e2-6b47-4f0a-8e15-7a2b9c4d6e81");
    static final String PHONE = "+8613800000000";
    static final String EMAIL = "user@example.com";
    static final String ID_FINGERPRINT = "e4ed8062a33dbb109067cc0ba28b575367a030913bd427c7817352bcf9fadd62";

    private SampleEvents() {}

    /** A sample of each type, the nullable fields set. */
    static ClearnameEvent of(EventType type) {
        return switch (type) {
            case CLEAR_REQUESTED -> clearRequested();
            case AUDIT_COMPLETED -> auditRejectedByReviewer();
            case CLEARING_CONCLUDED -> clearingCleared();
            case USER_NOTIFIED -> userNotifiedBySms();
            case COMPLAINT_RECEIVED -> complaintReceived();
            case AUDIT_DELAYED -> auditDelayed();
            case CLEARING_APPROVED -> clearingApproved();
            case REVIEW_STARTED -> reviewStarted();
            case COMPLAINT_ANSWERED -> complaintAnswered();
            case APPEAL_DECIDED -> appealOverturned();
            case ENTITLEMENTS_REVOKED -> entitlementsRevoked();
            case ID_DOCUMENTS_RELEASED -> idDocumentsReleased();
        };
    }

    static ClearRequested clearRequested() {
        return new ClearRequested(
                REQUEST_ID,
                ACCOUNT_ID,
                // Sub-second precision, as Instant.now() has on Linux.
                Instant.parse("2026-03-02T09:15:30.123456Z"),
                "zh-CN",
                new Contact(PHONE, EMAIL),
                new AuditSnapshot(
                        Instant.parse("2019-06-11T03:20:00Z"),
                        2456,
                        Instant.parse("2019-06-11T03:45:12Z"),
                        Instant.parse("2025-11-20T14:02:00Z"),
                        List.of("RISK_REVIEW"),
                        ID_FINGERPRINT),
                List.of(
                        Acknowledgement.BACKUP_DONE,
                        Acknowledgement.ENTITLEMENTS_LOST,
                        Acknowledgement.CONTACT_CORRECT));
    }

    /** A request whose account has no known verification date and no security change. */
    static ClearRequested clearRequestedWithoutOptionalDates() {
        var full = clearRequested();
        var snapshot = full.auditSnapshot();
        return new ClearRequested(
                full.requestId(),
                full.accountId(),
                full.requestedAt(),
                "en",
                full.contact(),
                new AuditSnapshot(
                        snapshot.accountCreatedAt(), snapshot.accountAgeDays(), null, null, List.of(), ID_FINGERPRINT),
                full.acknowledgements());
    }

    static AuditCompleted auditRejectedByReviewer() {
        return new AuditCompleted(
                REQUEST_ID,
                ACCOUNT_ID,
                Decision.REJECTED,
                List.of(
                        new Reason("RECENT_SECURITY_CHANGE", Finality.RETRY),
                        new Reason("ACCOUNT_RESTRICTED", Finality.RETRY)),
                "Your account's security settings changed recently. You may apply again later.",
                "1605ccd6-6973-4664-b719-285b231efd26",
                Instant.parse("2026-03-06T10:02:47Z"));
    }

    static AuditCompleted auditApprovedAutomatically() {
        return new AuditCompleted(
                REQUEST_ID,
                ACCOUNT_ID,
                Decision.APPROVED,
                List.of(),
                null,
                AuditCompleted.AUTO,
                Instant.parse("2026-03-02T09:15:34Z"));
    }

    static ClearingConcluded clearingCleared() {
        return new ClearingConcluded(
                REQUEST_ID,
                ACCOUNT_ID,
                Outcome.CLEARED,
                List.of(),
                List.of("VIP", "CLOUD_STORAGE"),
                Instant.parse("2026-03-09T09:16:05.204Z"),
                List.of(
                        new ClearingConcluded.ReceiptLine("LEGAL_NAME", "REMOVED"),
                        new ClearingConcluded.ReceiptLine("DATA_KEY", "SCHEDULED"),
                        new ClearingConcluded.ReceiptLine("VIP", "REVOKED"),
                        new ClearingConcluded.ReceiptLine("ID_FINGERPRINT", "RETAINED")));
    }

    static ClearingConcluded clearingRejected() {
        return new ClearingConcluded(
                REQUEST_ID,
                ACCOUNT_ID,
                Outcome.REJECTED,
                List.of(new Reason("REPEATED_CLEARING_SAME_IDENTITY", Finality.FINAL)),
                List.of(),
                Instant.parse("2026-03-06T10:02:49Z"));
    }

    static UserNotified userNotifiedBySms() {
        return new UserNotified(
                UUID.fromString("8dd46d35-c9a4-492b-82e5-d6f0a19e5e1c"),
                REQUEST_ID,
                ACCOUNT_ID,
                "b702ffbc-6617-401e-af56-d3497c5b8136",
                Channel.SMS,
                Status.DELIVERED,
                1,
                Instant.parse("2026-03-09T09:16:07Z"));
    }

    static UserNotified emailGivenUp() {
        return new UserNotified(
                UUID.fromString("a1c3cdac-35d2-4c70-bf06-b1cf03f3459c"),
                REQUEST_ID,
                ACCOUNT_ID,
                "b702ffbc-6617-401e-af56-d3497c5b8136",
                Channel.EMAIL,
                Status.FAILED,
                5,
                Instant.parse("2026-03-09T09:46:12Z"));
    }

    static ComplaintReceived complaintReceived() {
        return new ComplaintReceived(
                UUID.fromString("5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a"),
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-05T08:30:00.5Z"),
                Instant.parse("2026-03-17T09:15:30.123456Z"),
                "ESCALATION");
    }

    static AuditDelayed auditDelayed() {
        return new AuditDelayed(
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-17T09:15:30.123456Z"),
                Instant.parse("2026-03-17T09:16:00Z"));
    }

    static ClearingApproved clearingApproved() {
        return new ClearingApproved(
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-03T10:00:00.25Z"),
                Instant.parse("2026-03-10T10:00:00.25Z"));
    }

    static ReviewStarted reviewStarted() {
        return new ReviewStarted(
                REQUEST_ID, ACCOUNT_ID, Instant.parse("2026-03-02T09:15:31Z"), Instant.parse("2026-03-17T09:15:31Z"));
    }

    static ComplaintAnswered complaintAnswered() {
        return new ComplaintAnswered(
                UUID.fromString("5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a"),
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-06T11:00:00Z"),
                "We checked your request again: a reviewer decides it today.");
    }

    static AppealDecided appealOverturned() {
        return new AppealDecided(
                UUID.fromString("8d4c2b1a-7e6f-4a5b-9c8d-0e1f2a3b4c5d"),
                UUID.fromString("5f0c8a1e-0d53-4c4b-a9e7-6f9b1d2c3e4a"),
                REQUEST_ID,
                ACCOUNT_ID,
                AppealDecided.Outcome.OVERTURNED,
                List.of(new Reason("RECENT_SECURITY_CHANGE", Finality.RETRY)),
                "The security change was your own; you can request the clearing again.",
                Instant.parse("2026-03-08T15:20:00Z"),
                Instant.parse("2026-04-07T15:20:00Z"));
    }

    static EntitlementsRevoked entitlementsRevoked() {
        return new EntitlementsRevoked(
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-10T10:00:01Z"),
                List.of(
                        new EntitlementsRevoked.Revocation("VIP", Instant.parse("2026-09-01T00:00:00Z"), true, 0, 0),
                        new EntitlementsRevoked.Revocation(
                                "CLOUD_STORAGE", null, false, 214_748_364_800L, 53_687_091_200L)));
    }

    static IdDocumentsReleased idDocumentsReleased() {
        return new IdDocumentsReleased(
                REQUEST_ID,
                ACCOUNT_ID,
                Instant.parse("2026-03-10T10:00:01Z"),
                List.of(
                        new IdDocumentsReleased.Document(
                                UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "ID_FRONT"),
                        new IdDocumentsReleased.Document(
                                UUID.fromString("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"), "ID_BACK")));
    }
}
