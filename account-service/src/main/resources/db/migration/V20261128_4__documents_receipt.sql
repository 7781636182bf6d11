-- ID document images, held as references into the image store, with their category. Erasure deletes them.
CREATE TABLE id_document (
    id          uuid         PRIMARY KEY,
    account_id  uuid         NOT NULL REFERENCES account (id),
    category    varchar(32)  NOT NULL,
    storage_ref varchar(512) NOT NULL,
    added_at    timestamptz  NOT NULL
);
CREATE INDEX id_document_account ON id_document (account_id);

-- What a clearing removed, revoked or kept, per data category, shown on the request. No personal data.
CREATE TABLE erasure_receipt_item (
    id         bigserial    PRIMARY KEY,
    request_id uuid         NOT NULL REFERENCES clearing_request (id),
    category   varchar(32)  NOT NULL,
    outcome    varchar(16)  NOT NULL,
    detail     varchar(256) NOT NULL
);
CREATE INDEX erasure_receipt_item_request ON erasure_receipt_item (request_id, id);
