-- Approved requests wait out a cooling-off period, during which the person may withdraw, before the erasure.
ALTER TABLE clearing_request ADD COLUMN cooling_off_ends_at timestamptz;
-- What the erasure scheduler looks for: approved requests whose cooling-off is over.
CREATE INDEX clearing_request_cooling_off_due ON clearing_request (cooling_off_ends_at) WHERE status = 'APPROVED';
