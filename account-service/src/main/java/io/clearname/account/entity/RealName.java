package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The verified real name of an account. Never leaves this service; views show it masked. */
@Entity
@Table(name = "real_name")
public class RealName {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "legal_name", nullable = false, length = 128)
    public String legalName;

    @Column(name = "id_number", nullable = false, length = 18)
    public String idNumber;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;
}
