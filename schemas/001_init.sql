-- keqing schema version 1: reps and teams, customers with effective-dated tier and rep history,
-- and contacts (never deleted; voided with a reason).
CREATE TABLE reps (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    team       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    opened_on  TEXT,            -- first active day, NULL = active since before keqing
    closed_on  TEXT,            -- last active day, NULL = still active
    phone      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    stage      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX customers_name ON customers(name);

-- The tier in effect on day D is the row with the latest effective_from <= D
-- ('0001-01-01' = since the customer's start).
CREATE TABLE tier_history (
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    tier           TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (customer_id, effective_from)
) STRICT, WITHOUT ROWID;

CREATE TABLE assignments (
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    rep_id         TEXT NOT NULL REFERENCES reps(id),
    effective_from TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (customer_id, effective_from)
) STRICT, WITHOUT ROWID;
CREATE INDEX assignments_rep ON assignments(rep_id);

CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customers(id),
    channel           TEXT NOT NULL,
    happened_on       TEXT NOT NULL,   -- YYYY-MM-DD, local
    happened_at       TEXT NOT NULL DEFAULT '',  -- HH:MM, local
    rep_id            TEXT NOT NULL REFERENCES reps(id),
    note              TEXT NOT NULL DEFAULT '',
    gift              INTEGER NOT NULL DEFAULT 0,
    occasion          TEXT NOT NULL DEFAULT '',
    feedback          TEXT NOT NULL DEFAULT '',  -- R12 product feedback from the clerks
    preference        TEXT NOT NULL DEFAULT '',  -- R13 a clerk preference learned
    favour            TEXT NOT NULL DEFAULT '',  -- R14 one thing done toward a clerk's preference
    family            TEXT NOT NULL DEFAULT '',  -- R15 one clerk's family situation
    competitor        TEXT NOT NULL DEFAULT '',  -- R16 one competitor product in detail
    slow_mover        TEXT NOT NULL DEFAULT '',  -- R17 our slow-moving items and why
    asked_help        INTEGER NOT NULL DEFAULT 0, -- R9
    solved            TEXT NOT NULL DEFAULT '',  -- R10 the problem solved for the customer
    training          INTEGER NOT NULL DEFAULT 0, -- R11
    logged_at         TEXT NOT NULL,   -- YYYY-MM-DDTHH:MM, local: when it was recorded
    voided_at         TEXT,
    void_reason       TEXT
) STRICT;
CREATE INDEX contacts_month ON contacts(happened_on, customer_id, channel);
CREATE INDEX contacts_customer ON contacts(customer_id, happened_on);
