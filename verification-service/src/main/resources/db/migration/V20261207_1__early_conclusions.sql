-- A request's conclusion that arrived before its ClearRequested (the two travel on different topics), kept until the
-- request arrives and opens its case already closed. One row per request; the first conclusion wins.
CREATE TABLE early_conclusion (
    request_id   uuid         PRIMARY KEY,
    account_id   uuid         NOT NULL,
    outcome      varchar(16)  NOT NULL,   -- CLEARED, REJECTED, WITHDRAWN
    concluded_at timestamptz,             -- as the event said
    received_at  timestamptz  NOT NULL    -- when it arrived here; conclusions whose request never came are purged by it
);
CREATE INDEX early_conclusion_received ON early_conclusion (received_at);
