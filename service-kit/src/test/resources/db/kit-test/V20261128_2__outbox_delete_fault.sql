-- A fault tests switch on per key: the relay's DELETE of a published row fails, as if the relay died between the
-- broker's acknowledgement and its commit. The rows stay and are published again.
CREATE TABLE outbox_delete_fault (
    record_key text PRIMARY KEY
);

CREATE FUNCTION outbox_delete_fault() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM outbox_delete_fault WHERE record_key = OLD.record_key) THEN
        RAISE EXCEPTION 'outbox row deleted while a fault is switched on for its key';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER outbox_delete_fault BEFORE DELETE ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION outbox_delete_fault();
