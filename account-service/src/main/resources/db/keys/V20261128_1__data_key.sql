-- The key store (its own database, apart from the ciphertext it protects): one AES-256 data key per bound real name,
-- wrapped by the key-encryption key kek_id (AES-256-GCM, associated data "data-key:<id>").
CREATE TABLE data_key (
    id          uuid        PRIMARY KEY,
    kek_id      varchar(64) NOT NULL,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX data_key_kek ON data_key (kek_id);
