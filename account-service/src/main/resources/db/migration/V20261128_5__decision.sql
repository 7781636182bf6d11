-- The audit's decision as the person is told it: reason codes (with FINAL or RETRY) and the user-facing message.
ALTER TABLE clearing_request
    ADD COLUMN reasons          varchar(512),
    ADD COLUMN decision_message varchar(512);
