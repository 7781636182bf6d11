-- account-service: accounts, real names, clearing requests and their timelines.

CREATE TABLE account (
    id          uuid         PRIMARY KEY,
    phone       varchar(32)  NOT NULL,
    email       varchar(254) NOT NULL,
    locale      varchar(16)  NOT NULL,
    created_at  timestamptz  NOT NULL
);

-- The verified real name. Erasure deletes the row; nothing of it is kept elsewhere.
CREATE TABLE real_name (
    account_id  uuid         PRIMARY KEY REFERENCES account (id),
    legal_name  varchar(128) NOT NULL,
    id_number   varchar(18)  NOT NULL,
    verified_at timestamptz  NOT NULL
);

CREATE TABLE clearing_request (
    id                   uuid         PRIMARY KEY,
    account_id           uuid         NOT NULL REFERENCES account (id),
    status               varchar(16)  NOT NULL,
    idempotency_key      varchar(128) NOT NULL,
    request_hash         varchar(64)  NOT NULL,
    submitted_at         timestamptz  NOT NULL,
    expected_decision_by timestamptz  NOT NULL,
    concluded_at         timestamptz,
    CONSTRAINT clearing_request_idempotency UNIQUE (account_id, idempotency_key)
);
-- One active request per account, enforced by the database even under concurrent submissions.
CREATE UNIQUE INDEX clearing_request_one_active ON clearing_request (account_id)
    WHERE status IN ('SUBMITTED', 'APPROVED');

CREATE TABLE timeline_entry (
    id         bigserial    PRIMARY KEY,
    request_id uuid         NOT NULL REFERENCES clearing_request (id),
    at         timestamptz  NOT NULL,
    type       varchar(32)  NOT NULL,
    detail     varchar(512)
);
CREATE INDEX timeline_entry_request ON timeline_entry (request_id, id);
