-- keqing schema version 3: how many days after it happened each contact was logged (`lag`), kept by
-- the store on insert like `flags`; and the month index re-keyed by month, then customer, channel and
-- day, covering what counting and checking a contact needs. One pass over a month's entries then adds
-- up each customer's contacts together (sequential, not scattered over memory) and finds duplicates as
-- neighbours, without reading the table.
ALTER TABLE contacts ADD COLUMN lag INTEGER NOT NULL DEFAULT 0;
-- @sqlite
UPDATE contacts SET lag = CAST(julianday(substr(logged_at, 1, 10)) - julianday(happened_on) AS INTEGER);
-- @postgresql
UPDATE contacts SET lag = CAST(substr(logged_at, 1, 10) AS date) - CAST(happened_on AS date);
-- @end
DROP INDEX contacts_month;
CREATE INDEX contacts_month ON contacts((substr(happened_on, 1, 7)), customer_id, channel, happened_on, rep_id,
                                        flags, lag, voided_at);
