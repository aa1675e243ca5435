-- keqing schema version 2: the people of a customer (clerks, owners) with birthdays, preferences,
-- family and personality, life events (weddings, births, bereavements …) that create obligations, and
-- indexes for occasion tags, rep-scoped reads and voided contacts.
CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    birthday    TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, MM-DD, lunar:M-D or lunar:LM-D; '' = unknown
    preferences TEXT NOT NULL DEFAULT '',
    family      TEXT NOT NULL DEFAULT '',
    personality TEXT NOT NULL DEFAULT '',   -- 活泼 / 完美 / 力量 / 和平
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX people_customer ON people(customer_id);

CREATE TABLE life_events (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    person_id   INTEGER REFERENCES people(id),
    kind        TEXT NOT NULL,              -- an [[event]] kind of the rules: wedding, bereavement …
    happened_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX life_events_date ON life_events(happened_on);

-- Contacts tagged for an occasion are few; the obligations engine reads just those.
CREATE INDEX contacts_tagged ON contacts(happened_on) WHERE occasion <> '';

-- What a contact recorded toward the rep goals and the checklist, as bits, so that monthly tallies read
-- only an index: bits 0-5 the checklist items R12-R17 (feedback … slow_mover), 6 asked_help, 7 training,
-- 8 a problem solved. Kept by the store on insert.
ALTER TABLE contacts ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
-- @sqlite
UPDATE contacts SET flags = (feedback <> '') | (preference <> '') << 1 | (favour <> '') << 2 | (family <> '') << 3
    | (competitor <> '') << 4 | (slow_mover <> '') << 5 | (asked_help <> 0) << 6 | (training <> 0) << 7
    | (solved <> '') << 8;
-- @postgresql
UPDATE contacts SET flags = (feedback <> '')::int | (preference <> '')::int << 1 | (favour <> '')::int << 2
    | (family <> '')::int << 3 | (competitor <> '')::int << 4 | (slow_mover <> '')::int << 5
    | (asked_help <> 0)::int << 6 | (training <> 0)::int << 7 | (solved <> '')::int << 8;
-- @end
DROP INDEX contacts_month;
CREATE INDEX contacts_month ON contacts(happened_on, customer_id, channel, rep_id, flags, voided_at);

-- Rep-scoped commands read a rep's own contacts; report lists voided contacts.
CREATE INDEX contacts_rep ON contacts(rep_id, happened_on);
CREATE INDEX contacts_voided ON contacts(happened_on) WHERE voided_at IS NOT NULL;
