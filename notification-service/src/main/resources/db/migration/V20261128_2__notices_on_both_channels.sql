-- Every notice on both channels, with leases, persisted attempts and a retention limit on contact snapshots.

-- When the request concluded (its ClearingConcluded); the snapshot is deleted a retention period after that.
ALTER TABLE contact_snapshot ADD COLUMN concluded_at timestamptz;
CREATE INDEX contact_snapshot_concluded ON contact_snapshot (concluded_at) WHERE concluded_at IS NOT NULL;

-- A job's template is now the kind of notice; the language is chosen when it is sent.
ALTER TABLE notification_job RENAME COLUMN template TO kind;
UPDATE notification_job SET kind = 'CLEARED' WHERE kind = 'CLEARING_CLEARED';
UPDATE notification_job SET kind = 'REJECTED' WHERE kind = 'CLEARING_REJECTED';
UPDATE notification_job SET kind = 'WITHDRAWN' WHERE kind = 'CLEARING_WITHDRAWN';

ALTER TABLE notification_job
    -- What the notice says beyond its kind (dates, reasons, entitlements), as JSON; never contact points.
    ADD COLUMN data                varchar(4000),
    -- zh-CN or en, resolved from the contact snapshot when the notice is first sent.
    ADD COLUMN locale              varchar(16),
    -- Where it went, masked (+86138****0000, u***@example.com): the delivery log never holds a contact point.
    ADD COLUMN destination         varchar(64),
    -- SMS only: how many segments the text takes (GSM-7 or UCS-2).
    ADD COLUMN segments            integer,
    -- The gateway's message id (SMS) or the Message-ID (email) of the last attempt.
    ADD COLUMN provider_message_id varchar(128),
    ADD COLUMN last_attempt_at     timestamptz,
    ADD COLUMN failed_at           timestamptz;

-- Statuses: PENDING_CONTACT (no contact snapshot yet), PENDING (due at next_attempt_at), SENDING (claimed by a
-- dispatcher; next_attempt_at is when its lease expires and anyone may retry it), DELIVERED, FAILED.
DROP INDEX notification_job_due;
CREATE INDEX notification_job_due ON notification_job (channel, next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notification_job_waiting ON notification_job (request_id) WHERE status = 'PENDING_CONTACT';

-- One row per attempt to send a job, written when the attempt starts and completed when its answer is recorded.
CREATE TABLE delivery_attempt (
    job_id       uuid          NOT NULL REFERENCES notification_job (id),
    attempt      integer       NOT NULL,               -- 1, 2, ... as counted on the job
    started_at   timestamptz   NOT NULL,
    finished_at  timestamptz,
    -- IN_FLIGHT, DELIVERED, RETRY (transient failure), FAILED (permanent, or the last attempt), ABANDONED (lease
    -- expired without an answer: the dispatcher died or hung)
    outcome      varchar(16)   NOT NULL,
    reply_code   integer,                              -- HTTP status of the gateway, or SMTP reply code
    error        varchar(128),                         -- an error class or code, never a message
    PRIMARY KEY (job_id, attempt)
);
