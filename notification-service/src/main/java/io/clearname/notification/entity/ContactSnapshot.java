package io.clearname.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where the notices of one clearing request go, as its ClearRequested said. Personal data: never log it unmasked. */
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
}
