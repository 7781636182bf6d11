-- verification-service: one audit case per clearing request. No name or ID number is ever stored here.
CREATE TABLE audit_case (
    request_id  uuid         PRIMARY KEY,
    account_id  uuid         NOT NULL,
    state       varchar(16)  NOT NULL,
    decision    varchar(16),
    decided_by  varchar(64),
    created_at  timestamptz  NOT NULL,
    due_at      timestamptz  NOT NULL,
    decided_at  timestamptz
);
CREATE INDEX audit_case_account ON audit_case (account_id);
