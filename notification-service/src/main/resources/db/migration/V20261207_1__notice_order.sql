-- Events of different topics arrive in any order (docs/event-ordering.md): a request's notices on one channel now go
-- out one at a time, receipt first, then in the order of sequence_at: when what each notice tells happened (a final
-- notice queued while a delay notice was on its way is placed after it).
ALTER TABLE notification_job ADD COLUMN sequence_at timestamptz;
-- Only jobs still to send are ordered; the log's older rows keep no position.
UPDATE notification_job SET sequence_at = created_at WHERE status IN ('PENDING_CONTACT', 'PENDING', 'SENDING');

-- The claim looks for an earlier notice of the same request and channel still to send.
CREATE INDEX notification_job_open_by_request ON notification_job (request_id, channel)
    WHERE status IN ('PENDING_CONTACT', 'PENDING', 'SENDING');

-- A new status, SUPERSEDED: never sent because the request's outcome made it moot (a delay notice of a concluded
-- request). It publishes no UserNotified.
