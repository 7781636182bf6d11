-- The service kit's tables, included by every service through quarkus.flyway.locations.
-- Migration versions across the suite are the authoring date plus a sequence, so the kit's migrations and a
-- service's own interleave in the order they were written.

-- Events written in the business transaction and published by the relay (then deleted).
CREATE TABLE outbox_event (
    id              uuid         PRIMARY KEY,           -- the CloudEvents id (ce_id), the consumers' dedup key
    seq             bigserial    NOT NULL UNIQUE,       -- publication order within an ordering bucket
    topic           text         NOT NULL,
    record_key      text         NOT NULL,              -- the account id: per-account order
    ordering_bucket integer      NOT NULL,              -- hash of the key: one relay at a time per bucket
    ce_type         text         NOT NULL,
    ce_source       text         NOT NULL,
    ce_subject      text,
    ce_time         timestamptz  NOT NULL,
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX outbox_event_bucket_seq ON outbox_event (ordering_bucket, seq);

-- Events a consumer has applied, recorded in the same transaction as the effect.
CREATE TABLE inbox_event (
    consumer     text         NOT NULL,                 -- the channel that applied it
    event_id     text         NOT NULL,                 -- ce_id
    ce_type      text         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
