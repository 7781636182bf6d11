package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String phone;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(nullable = false, length = 16)
    public String locale;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
