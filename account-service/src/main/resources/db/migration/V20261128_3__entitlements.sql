-- What the account holds and owes: the rights a clearing revokes and the obligations that block it.
ALTER TABLE account
    ADD COLUMN vip_paid                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN vip_expires_at           timestamptz,
    ADD COLUMN vip_auto_renew           boolean     NOT NULL DEFAULT false,
    ADD COLUMN cloud_quota_bytes        bigint      NOT NULL DEFAULT 0,
    ADD COLUMN cloud_used_bytes         bigint      NOT NULL DEFAULT 0,
    ADD COLUMN wallet_balance_cents     bigint      NOT NULL DEFAULT 0,
    ADD COLUMN outstanding_credit_cents bigint      NOT NULL DEFAULT 0,
    ADD COLUMN restrictions             varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN last_security_change_at  timestamptz;
