package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A right an erasure took away, as it was just before: kept on the account's record. Holds no personal data. */
@Entity
@Table(name = "entitlement_revocation")
public class EntitlementRevocation {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** {@code VIP} or {@code CLOUD_STORAGE}. */
    @Column(nullable = false, length = 32)
    public String entitlement;

    /** VIP: the end of the paid period that was lost; null when none was paid. */
    @Column(name = "paid_until")
    public Instant paidUntil;

    @Column(name = "auto_renew_cancelled", nullable = false)
    public boolean autoRenewCancelled;

    @Column(name = "quota_bytes", nullable = false)
    public long quotaBytes;

    @Column(name = "used_bytes", nullable = false)
    public long usedBytes;

    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;
}
