package io.clearname.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
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

    @Column(name = "vip_paid", nullable = false)
    public boolean vipPaid;

    @Column(name = "vip_expires_at")
    public Instant vipExpiresAt;

    @Column(name = "vip_auto_renew", nullable = false)
    public boolean vipAutoRenew;

    @Column(name = "cloud_quota_bytes", nullable = false)
    public long cloudQuotaBytes;

    @Column(name = "cloud_used_bytes", nullable = false)
    public long cloudUsedBytes;

    @Column(name = "wallet_balance_cents", nullable = false)
    public long walletBalanceCents;

    @Column(name = "outstanding_credit_cents", nullable = false)
    public long outstandingCreditCents;

    /** Comma-separated {@link Restriction} names. */
    @Column(nullable = false, length = 64)
    public String restrictions = "";

    @Column(name = "last_security_change_at")
    public Instant lastSecurityChangeAt;

    public List<String> restrictionList() {
        return restrictions.isEmpty() ? List.of() : List.of(restrictions.split(","));
    }

    public void restrict(java.util.Collection<Restriction> given) {
        restrictions = String.join(
                ",", given.stream().map(Enum::name).distinct().sorted().toList());
    }
}
