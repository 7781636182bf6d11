-- Complaint texts are stored encrypted (SealedText): a person may write their own name, which no mask recognises.
-- Texts stored readable by earlier versions are dropped.
ALTER TABLE complaint DROP COLUMN message;
ALTER TABLE complaint ADD COLUMN message_ct bytea;
