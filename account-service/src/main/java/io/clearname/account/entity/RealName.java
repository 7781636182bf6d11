package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The verified real name of an account, encrypted. Never leaves this service; views show it masked. */
@Entity
@Table(name = "real_name")
public class RealName {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    /** The data key in the key store that encrypts this row's fields; destroyed when the real name is cleared. */
    @Column(name = "data_key_id", nullable = false)
    public UUID dataKeyId;

    /** The legal name, AES-256-GCM under the data key (RealNameVault). */
    @Column(name = "legal_name_ct", nullable = false)
    public byte[] legalNameCiphertext;

    /** The ID number, AES-256-GCM under the data key (RealNameVault). */
    @Column(name = "id_number_ct", nullable = false)
    public byte[] idNumberCiphertext;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;
}
