-- The effect the kit's test consumer applies; deliberately without a unique key, so only the inbox prevents doubles.
CREATE TABLE kit_test_effect (
    id         bigserial PRIMARY KEY,
    event_id   text      NOT NULL,
    request_id uuid      NOT NULL
);
