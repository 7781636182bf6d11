-- The receipt says where each category of data is (this service, the other services, the event log, the image store),
-- how long what is kept stays, and when a step scheduled by the erasure (the data key's destruction) was done.
-- Rows written before keep their text and read as this service's lines without a limit.
ALTER TABLE erasure_receipt_item
    ALTER COLUMN detail TYPE varchar(512),
    ADD COLUMN service        varchar(32) NOT NULL DEFAULT 'account-service',
    ADD COLUMN retained_for   varchar(32),
    ADD COLUMN retained_until timestamptz,
    ADD COLUMN done_at        timestamptz;

-- The request whose erasure released a data key, so that KeyShredder can mark the receipt's DATA_KEY line done.
-- Null for keys released by binding a new real name.
ALTER TABLE data_key_shredding ADD COLUMN request_id uuid;

-- What an erasure revoked, as it was just before (for refunds and for the person's record). No personal data.
CREATE TABLE entitlement_revocation (
    id                   uuid        PRIMARY KEY,
    request_id           uuid        NOT NULL REFERENCES clearing_request (id),
    account_id           uuid        NOT NULL REFERENCES account (id),
    entitlement          varchar(32) NOT NULL,
    paid_until           timestamptz,
    auto_renew_cancelled boolean     NOT NULL,
    quota_bytes          bigint      NOT NULL,
    used_bytes           bigint      NOT NULL,
    revoked_at           timestamptz NOT NULL
);
CREATE INDEX entitlement_revocation_request ON entitlement_revocation (request_id);
CREATE INDEX entitlement_revocation_account ON entitlement_revocation (account_id);

-- Each data export a person downloaded: counted for the daily limit and listed so a file can be checked later. The
-- file itself is not kept; sha256 is the hex SHA-256 of its bytes.
CREATE TABLE data_export (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id),
    exported_at timestamptz NOT NULL,
    size_bytes  bigint      NOT NULL,
    sha256      varchar(64) NOT NULL
);
CREATE INDEX data_export_account ON data_export (account_id, exported_at);
