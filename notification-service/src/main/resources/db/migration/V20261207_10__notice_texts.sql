-- New notices carry text written by staff: a complaint's answer (at most 2,000 characters) and an appeal reviewer's
-- message (cut to 2,000), besides reasons and an erasure receipt. Room for both, escaped as JSON.
ALTER TABLE notification_job ALTER COLUMN data TYPE varchar(16000);
