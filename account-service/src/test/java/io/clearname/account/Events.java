package io.clearname.account;

import io.clearname.events.AuditCompleted;
import io.clearname.events.Reason;
import io.clearname.events.UserNotified;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events the other services send account-service, as they would build them; publish them with {@link
 * io.clearname.local.testing.EventRecords}.
 */
final class Events {
    private Events() {}

    static AuditCompleted approved(UUID account, UUID request) {
        return new AuditCompleted(
                request, account, AuditCompleted.Decision.APPROVED, List.of(), "Approved.", "AUTO", Instant.now());
    }

    static AuditCompleted rejected(UUID account, UUID request) {
        return new AuditCompleted(
                request,
                account,
                AuditCompleted.Decision.REJECTED,
                List.of(new Reason("ACCOUNT_RESTRICTED", Reason.Finality.FINAL)),
                "The account is under a legal hold.",
                "reviewer-7",
                Instant.now());
    }

    static UserNotified notified(UUID account, UUID request) {
        return new UserNotified(
                UUID.randomUUID(),
                request,
                account,
                UUID.randomUUID().toString(),
                UserNotified.Channel.EMAIL,
                UserNotified.Status.DELIVERED,
                1,
                Instant.now());
    }
}
