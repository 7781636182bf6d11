-- Complaints become cases of their own: a status, a due date and a staff answer (masked, then sealed like the text).
-- Kinds: ESCALATION (open case), APPEAL (rejected case: a second review, table appeal), COMPLAINT (customer service).
ALTER TABLE complaint
    ADD COLUMN status      varchar(16) NOT NULL DEFAULT 'OPEN',  -- OPEN, ANSWERED
    ADD COLUMN due_at      timestamptz,
    ADD COLUMN answer_ct   bytea,
    ADD COLUMN answered_by varchar(64),
    ADD COLUMN answered_at timestamptz;
-- Earlier versions called every complaint after a decision an APPEAL, for customer service: that is a COMPLAINT now,
-- since no second review was opened for it.
UPDATE complaint SET kind = 'COMPLAINT' WHERE kind = 'APPEAL';
UPDATE complaint c SET due_at = CASE
        WHEN c.kind = 'ESCALATION' THEN (SELECT a.due_at FROM audit_case a WHERE a.request_id = c.request_id)
        ELSE c.received_at + interval '5 days'
    END;
ALTER TABLE complaint ALTER COLUMN due_at SET NOT NULL;
-- The staff queue: open complaints, oldest due first; and the retention job.
CREATE INDEX complaint_queue ON complaint (status, due_at);
CREATE INDEX complaint_received ON complaint (received_at);

-- The second review of a rejected request, opened by the owner's appeal; decided once, finally, by a reviewer other
-- than the one who made the first decision.
CREATE TABLE appeal (
    id                         uuid          PRIMARY KEY,
    request_id                 uuid          NOT NULL REFERENCES audit_case (request_id),
    account_id                 uuid          NOT NULL,
    -- The complaint goes after complaints.retention; the appeal stays with the case's history.
    complaint_id               uuid          REFERENCES complaint (id) ON DELETE SET NULL,
    state                      varchar(16)   NOT NULL,  -- OPEN, DECIDED
    assignee                   varchar(64),
    assigned_at                timestamptz,
    first_decided_by           varchar(64)   NOT NULL,  -- AUTO or the first reviewer's id
    outcome                    varchar(16),             -- UPHELD, OVERTURNED
    reasons                    varchar(512),            -- the first decision's reason codes
    user_message               varchar(2000),
    internal_note              varchar(2000),
    decided_by                 varchar(64),
    decided_at                 timestamptz,
    created_at                 timestamptz   NOT NULL,
    due_at                     timestamptz   NOT NULL,
    new_request_window_ends_at timestamptz,             -- OVERTURNED only
    waived_for_request_id      uuid,                    -- the next request the overturned reasons were set aside for
    CONSTRAINT appeal_one_per_request UNIQUE (request_id)
);
CREATE INDEX appeal_queue ON appeal (state, due_at);
CREATE INDEX appeal_complaint ON appeal (complaint_id);
CREATE INDEX appeal_overturned ON appeal (account_id, new_request_window_ends_at) WHERE outcome = 'OVERTURNED';
