package io.clearname.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person asked to clear the real name of their account (topic {@code clear-requested}, from account-service). It
 * carries what verification-service audits and where notification-service sends notices; never a legal name or ID
 * number: the identity is only an HMAC fingerprint.
 */
public record ClearRequested(
        UUID requestId,
        UUID accountId,
        Instant requestedAt,
        String locale,
        Contact contact,
        AuditSnapshot auditSnapshot,
        List<Acknowledgement> acknowledgements)
        implements ClearnameEvent {

    /** Where the notices go. */
    public record Contact(String phone, String email) {}

    /** What the audit needs to know about the account, as of the request. */
    public record AuditSnapshot(
            Instant accountCreatedAt,
            long accountAgeDays,
            Instant realNameVerifiedAt,
            Instant lastSecurityChangeAt,
            List<String> restrictions,
            String idFingerprint) {}
}
