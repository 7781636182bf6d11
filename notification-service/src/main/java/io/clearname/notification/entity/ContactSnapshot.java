package io.clearname.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the notices of one clearing request go, as its ClearRequested said. The only personal data of this service:
 * never log it unmasked; deleted {@code notification.contact-retention} after the request concluded.
 */
@Entity
@Table(name = "contact_snapshot")
public class ContactSnapshot {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(length = 32)
    public String phone;

    @Column(length = 254)
    public String email;

    @Column(length = 16)
    public String locale;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the request concluded, once its ClearingConcluded arrived: the start of the retention period. */
    @Column(name = "concluded_at")
    public Instant concludedAt;
}
