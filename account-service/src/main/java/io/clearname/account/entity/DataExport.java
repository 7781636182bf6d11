package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A data export the person downloaded: when, how big, and the digest of the file. The file itself is not kept. */
@Entity
@Table(name = "data_export")
public class DataExport {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "exported_at", nullable = false)
    public Instant exportedAt;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The SHA-256 of the file's bytes, lowercase hex. */
    @Column(nullable = false, length = 64)
    public String sha256;
}
