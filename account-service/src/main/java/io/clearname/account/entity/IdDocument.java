package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reference to an ID document image in the image store. Part of the real name: erased with it. */
@Entity
@Table(name = "id_document")
public class IdDocument {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public DocumentCategory category;

    /** Where the image is in the image store, AES-256-GCM under the real name's data key (RealNameVault). */
    @Column(name = "storage_ref_ct", nullable = false)
    public byte[] storageRefCiphertext;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
