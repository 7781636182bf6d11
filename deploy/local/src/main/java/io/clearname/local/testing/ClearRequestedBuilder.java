package io.clearname.local.testing;

import io.clearname.events.Acknowledgement;
import io.clearname.events.ClearRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link ClearRequested} as account-service publishes it, for tests of its consumers. Unless a test changes it, the
 * request is new, in English, from an account opened in 2019 whose real name was verified in 2021, with no security
 * change, no restriction, a fingerprint of its own and every acknowledgement: verification-service approves it
 * automatically.
 *
 * <pre>
 * ClearRequested request = ClearRequestedBuilder.forAccount(account).restrictions("LEGAL_HOLD").publish();
 * </pre>
 */
public final class ClearRequestedBuilder {
    private final UUID account;
    private final UUID requestId = UUID.randomUUID();
    private Instant requestedAt = Instant.now();
    private String locale = "en";
    private String phone = "+8613800138000";
    private String email = "person@example.com";
    private Instant verifiedAt = Instant.parse("2021-01-01T00:00:00Z");
    private Instant securityChangeAt;
    private List<String> restrictions = List.of();
    private String fingerprint = randomFingerprint();

    private ClearRequestedBuilder(UUID account) {
        this.account = account;
    }

    /** A request of {@code account} with a new request id. */
    public static ClearRequestedBuilder forAccount(UUID account) {
        return new ClearRequestedBuilder(account);
    }

    /** A random identity fingerprint, shaped like account-service's HMAC-SHA256 (64 hex digits). */
    public static String randomFingerprint() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public ClearRequestedBuilder requestedAt(Instant at) {
        requestedAt = at;
        return this;
    }

    public ClearRequestedBuilder locale(String tag) {
        locale = tag;
        return this;
    }

    /** Where the notices go. */
    public ClearRequestedBuilder contact(String phone, String email) {
        this.phone = phone;
        this.email = email;
        return this;
    }

    public ClearRequestedBuilder verifiedAt(Instant at) {
        verifiedAt = at;
        return this;
    }

    public ClearRequestedBuilder securityChangeAt(Instant at) {
        securityChangeAt = at;
        return this;
    }

    public ClearRequestedBuilder restrictions(String... codes) {
        restrictions = List.of(codes);
        return this;
    }

    public ClearRequestedBuilder fingerprint(String value) {
        fingerprint = value;
        return this;
    }

    /** A security change the day before the request: what sends a case to a reviewer in verification-service. */
    public ClearRequestedBuilder forReview() {
        return securityChangeAt(requestedAt.minus(Duration.ofDays(1)));
    }

    public ClearRequested build() {
        return new ClearRequested(
                requestId,
                account,
                requestedAt,
                locale,
                new ClearRequested.Contact(phone, email),
                new ClearRequested.AuditSnapshot(
                        Instant.parse("2019-05-01T00:00:00Z"),
                        2000,
                        verifiedAt,
                        securityChangeAt,
                        restrictions,
                        fingerprint),
                List.of(Acknowledgement.values()));
    }

    /** Builds it and publishes it with {@link EventRecords#publish(io.clearname.events.ClearnameEvent)}. */
    public ClearRequested publish() {
        ClearRequested event = build();
        EventRecords.publish(event);
        return event;
    }
}
