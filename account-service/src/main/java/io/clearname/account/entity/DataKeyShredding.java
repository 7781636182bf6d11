package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A data key to destroy in the key store, queued in the transaction that released it. */
@Entity
@Table(name = "data_key_shredding")
public class DataKeyShredding {

    @Id
    @Column(name = "data_key_id")
    public UUID dataKeyId;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    /** The clearing request whose erasure released the key; null when a new real name replaced it. */
    @Column(name = "request_id")
    public UUID requestId;

    public static DataKeyShredding of(UUID dataKeyId, Instant queuedAt, UUID requestId) {
        var shredding = new DataKeyShredding();
        shredding.dataKeyId = dataKeyId;
        shredding.queuedAt = queuedAt;
        shredding.requestId = requestId;
        return shredding;
    }
}
