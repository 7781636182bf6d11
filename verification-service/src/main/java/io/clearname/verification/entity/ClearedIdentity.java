package io.clearname.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A past clearing of an identity, for REPEATED_CLEARING: the fingerprint (an HMAC, never the ID number) and when the
 * real name was cleared. One row per request.
 */
@Entity
@Table(name = "cleared_identity")
public class ClearedIdentity {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "id_fingerprint", nullable = false, length = 128)
    public String idFingerprint;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cleared_at", nullable = false)
    public Instant clearedAt;
}
