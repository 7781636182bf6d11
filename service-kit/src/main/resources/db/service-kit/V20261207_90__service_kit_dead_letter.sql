-- Records a consumer gave up on (io.clearname.kit.deadletter): the copy on the dead-letter topic is the record itself;
-- this row is what support lists, re-drives or discards, and holds no payload value (no personal data).
CREATE TABLE dead_letter (
    id                    uuid        PRIMARY KEY,
    consumer              text        NOT NULL,          -- the incoming channel that gave up
    source_topic          text        NOT NULL,
    source_partition      integer     NOT NULL,
    source_offset         bigint      NOT NULL,
    dead_letter_topic     text        NOT NULL,
    dead_letter_partition integer     NOT NULL,
    dead_letter_offset    bigint      NOT NULL,
    event_id              text,                          -- ce_id, when it had an identifier-like one
    ce_type               text,
    ce_subject            text,                          -- the request id
    record_key            text,                          -- the account id
    reason                text        NOT NULL,          -- what is wrong, never a value
    exception_class       text        NOT NULL,
    payload_bytes         integer     NOT NULL,
    payload_fields        text[]      NOT NULL,          -- top-level JSON field names, never values
    dead_lettered_at      timestamptz NOT NULL DEFAULT now(),
    state                 text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'REDRIVEN', 'DISCARDED')),
    resolved_at           timestamptz,
    resolved_by           text,                          -- the support token's subject
    note                  text,                          -- why it was discarded
    -- A record dead-lettered again after a crash, before its offset was committed, is the same dead letter.
    UNIQUE (consumer, source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_open ON dead_letter (consumer, dead_lettered_at) WHERE state = 'OPEN';
