-- Real names and ID document references are encrypted at rest with a data key per real name, kept in the key store
-- database (DataKeys). Rows written in plaintext by earlier versions cannot be encrypted in SQL: they are deleted, and
-- the person binds the real name again.
DELETE FROM id_document;
DELETE FROM real_name;

ALTER TABLE real_name
    DROP COLUMN legal_name,
    DROP COLUMN id_number,
    ADD COLUMN data_key_id   uuid  NOT NULL,
    ADD COLUMN legal_name_ct bytea NOT NULL,
    ADD COLUMN id_number_ct  bytea NOT NULL;

ALTER TABLE id_document
    DROP COLUMN storage_ref,
    ADD COLUMN storage_ref_ct bytea NOT NULL;

-- Data keys to destroy in the key store once the erasure that released them has committed (KeyShredder).
CREATE TABLE data_key_shredding (
    data_key_id uuid        PRIMARY KEY,
    queued_at   timestamptz NOT NULL
);
