-- notification-service: where notices go (contact snapshots) and the notices themselves (jobs).

-- The contact points of a clearing request as ClearRequested carried them. The only personal data of this service;
-- a later issue deletes snapshots after a retention limit.
CREATE TABLE contact_snapshot (
    request_id  uuid         PRIMARY KEY,
    account_id  uuid         NOT NULL,
    phone       varchar(32),
    email       varchar(254),
    locale      varchar(16),
    created_at  timestamptz  NOT NULL
);

-- One notice on one channel, and its delivery state. The dispatcher claims due PENDING jobs with
-- FOR UPDATE SKIP LOCKED, so several instances never send the same job.
CREATE TABLE notification_job (
    id               uuid          PRIMARY KEY,
    request_id       uuid          NOT NULL,
    account_id       uuid          NOT NULL,
    trigger_event_id varchar(128)  NOT NULL,          -- ce_id of the event the notice answers
    channel          varchar(8)    NOT NULL,
    template         varchar(32)   NOT NULL,
    status           varchar(16)   NOT NULL,
    attempts         integer       NOT NULL,
    next_attempt_at  timestamptz   NOT NULL,
    last_error       varchar(128),                    -- an error class or code, never a message (may hold addresses)
    created_at       timestamptz   NOT NULL,
    delivered_at     timestamptz,
    -- One notice per triggering event and channel, whatever the inbox remembers.
    CONSTRAINT notification_job_once UNIQUE (trigger_event_id, channel)
);
CREATE INDEX notification_job_due ON notification_job (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_job_account ON notification_job (account_id, created_at);
CREATE INDEX notification_job_request ON notification_job (request_id, created_at);
