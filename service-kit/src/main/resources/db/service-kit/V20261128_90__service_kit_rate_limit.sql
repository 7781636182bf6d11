-- One counting window per subject and action, shared by every instance of a service (RateLimiter). A window starts
-- at the first call after the previous one ended.
CREATE TABLE rate_limit_window (
    subject      varchar(128) NOT NULL,                 -- who is limited, e.g. the account id
    action       varchar(64)  NOT NULL,                 -- what is limited, e.g. clearing-submission
    window_start timestamptz  NOT NULL,
    hits         integer      NOT NULL,
    PRIMARY KEY (subject, action)
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
