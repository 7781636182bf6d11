-- A fault tests switch on per request: the test consumer's effect fails with a chosen SQLSTATE, either a number of
-- times (counted by a sequence, which a rollback does not undo) or every time (fail_until NULL).
CREATE SEQUENCE kit_effect_fault_attempts;

CREATE TABLE kit_effect_fault (
    request_id uuid   PRIMARY KEY,
    sqlstate   text   NOT NULL,
    fail_until bigint                      -- fail while nextval(kit_effect_fault_attempts) <= this; NULL: always
);

CREATE FUNCTION kit_effect_fault() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    fault kit_effect_fault;
BEGIN
    SELECT * INTO fault FROM kit_effect_fault WHERE request_id = NEW.request_id;
    IF FOUND THEN
        IF fault.fail_until IS NULL OR nextval('kit_effect_fault_attempts') <= fault.fail_until THEN
            RAISE EXCEPTION 'effect fault switched on by a test' USING ERRCODE = fault.sqlstate;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER kit_effect_fault BEFORE INSERT ON kit_test_effect
    FOR EACH ROW EXECUTE FUNCTION kit_effect_fault();
