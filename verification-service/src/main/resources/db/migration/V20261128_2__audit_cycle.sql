-- The audit cycle: the request's snapshot and the rules' results, the reviewers' queue with its SLA marks, actions,
-- complaints, and the fingerprints of past clearings. Still no name, ID number or contact point.

ALTER TABLE audit_case
    ADD COLUMN priority                integer       NOT NULL DEFAULT 0,  -- 0 NORMAL, 1 HIGH, 2 URGENT
    ADD COLUMN requested_at            timestamptz,
    ADD COLUMN locale                  varchar(35),
    ADD COLUMN account_created_at      timestamptz,
    ADD COLUMN account_age_days        bigint,
    ADD COLUMN real_name_verified_at   timestamptz,
    ADD COLUMN last_security_change_at timestamptz,
    ADD COLUMN restrictions            varchar(255),
    ADD COLUMN id_fingerprint          varchar(128),
    ADD COLUMN escalate_at             timestamptz,
    ADD COLUMN escalated_at            timestamptz,
    ADD COLUMN breached_at             timestamptz,
    ADD COLUMN assignee                varchar(64),
    ADD COLUMN assigned_at             timestamptz,
    ADD COLUMN reasons                 varchar(512),
    ADD COLUMN user_message            varchar(1000),
    ADD COLUMN internal_note           varchar(2000),
    ADD COLUMN closed_at               timestamptz;

-- Cases of the previous version were all decided at once; give them marks so the columns can be required.
UPDATE audit_case
SET requested_at = created_at,
    escalate_at  = created_at + (due_at - created_at) * 0.8,
    state        = CASE WHEN state = 'OPEN' THEN 'IN_REVIEW' ELSE state END;
ALTER TABLE audit_case
    ALTER COLUMN requested_at SET NOT NULL,
    ALTER COLUMN escalate_at SET NOT NULL;

-- The reviewers' queue, and what the SLA scheduler looks for.
CREATE INDEX audit_case_queue ON audit_case (priority DESC, due_at) WHERE state = 'IN_REVIEW';
CREATE INDEX audit_case_to_escalate ON audit_case (escalate_at) WHERE state = 'IN_REVIEW' AND escalated_at IS NULL;
CREATE INDEX audit_case_to_breach ON audit_case (due_at) WHERE state = 'IN_REVIEW' AND breached_at IS NULL;
-- VELOCITY counts an account's requests by requestedAt.
CREATE INDEX audit_case_account_requested ON audit_case (account_id, requested_at);

-- Every rule's result for every case, to explain the decision.
CREATE TABLE rule_result (
    id           bigserial    PRIMARY KEY,
    request_id   uuid         NOT NULL REFERENCES audit_case (request_id),
    rule         varchar(32)  NOT NULL,
    outcome      varchar(8)   NOT NULL,  -- PASS, REVIEW, REJECT
    finality     varchar(8),             -- FINAL or RETRY for a REJECT
    detail       varchar(255) NOT NULL,
    thresholds   varchar(255) NOT NULL,
    evaluated_at timestamptz  NOT NULL
);
CREATE INDEX rule_result_request ON rule_result (request_id);

-- Who did what to a case, and when.
CREATE TABLE case_action (
    id         bigserial    PRIMARY KEY,
    request_id uuid         NOT NULL REFERENCES audit_case (request_id),
    at         timestamptz  NOT NULL,
    actor      varchar(64)  NOT NULL,   -- reviewer id, SYSTEM or OWNER
    type       varchar(32)  NOT NULL,
    detail     varchar(512)
);
CREATE INDEX case_action_request ON case_action (request_id, at);

-- Complaints of a request's owner; the text is masked before it is stored.
CREATE TABLE complaint (
    id              uuid          PRIMARY KEY,
    request_id      uuid          NOT NULL REFERENCES audit_case (request_id),
    account_id      uuid          NOT NULL,
    received_at     timestamptz   NOT NULL,
    kind            varchar(16)   NOT NULL,  -- ESCALATION or APPEAL
    message         varchar(2000) NOT NULL,
    idempotency_key varchar(128),
    message_hash    varchar(64)   NOT NULL,
    CONSTRAINT complaint_idempotency UNIQUE (account_id, idempotency_key)
);
CREATE INDEX complaint_request ON complaint (request_id, received_at);

-- Identities whose real name was cleared (HMAC fingerprint), for REPEATED_CLEARING. One row per request.
CREATE TABLE cleared_identity (
    request_id     uuid          PRIMARY KEY,
    id_fingerprint varchar(128)  NOT NULL,
    account_id     uuid          NOT NULL,
    cleared_at     timestamptz   NOT NULL
);
CREATE INDEX cleared_identity_fingerprint ON cleared_identity (id_fingerprint, cleared_at);
