-- keqing schema version 6: a team server no rep can see or write past (docs/SECURITY.md). SQLite, one
-- person's file, has nothing to change. On PostgreSQL:
--   * the tables move into the schema `keqing`, which no keqing group may even name; reps, managers and
--     admins hold no privilege on any table or sequence, and row-level security, enabled on every table
--     with no policy for anyone, refuses them every row should a privilege ever be granted by mistake;
--   * they reach their rows only through the SECURITY DEFINER functions of the schema `keqing_api`, each
--     scoped to the session's own login (session_user: inside a definer function current_user is the
--     owner) — never to an argument naming a rep —, each with its search path pinned to pg_catalog with
--     pg_temp last, every name qualified. A function returns a whole set the caller sees, so no filter a
--     caller writes reaches a table: EXPLAIN shows a function scan over the caller's own rows;
--   * ids are bigint identities GENERATED ALWAYS, drawn only by inserts of the owner's functions; when a
--     contact was logged, how many days late, its checklist flags and when it was voided are the
--     server's facts, read on the server's clock in the team's time zone (keqing.settings), and a contact
--     dated after the server's today is refused.
-- On both: schema 2 filled `flags` of the contacts it found with | and << taken as binding alike (they
-- do, in both dialects), so contacts logged before schema 2 carry wrong checklist and goal bits; they are
-- computed again (the bits of store/activity.cpp's contact_flags).
-- @sqlite
UPDATE contacts SET flags = (feedback <> '') | ((preference <> '') << 1) | ((favour <> '') << 2)
    | ((family <> '') << 3) | ((competitor <> '') << 4) | ((slow_mover <> '') << 5) | ((asked_help <> 0) << 6)
    | ((training <> 0) << 7) | ((solved <> '') << 8)
 WHERE flags <> ((feedback <> '') | ((preference <> '') << 1) | ((favour <> '') << 2) | ((family <> '') << 3)
    | ((competitor <> '') << 4) | ((slow_mover <> '') << 5) | ((asked_help <> 0) << 6) | ((training <> 0) << 7)
    | ((solved <> '') << 8));
-- @postgresql
-- The tables, from the schema keqing made them in up to schema 5 (the owner's current schema; keqing opens
-- an older database with `keqing` first on its search path and that schema after it), into `keqing`.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reps', 'customers', 'tier_history', 'assignments', 'contacts', 'people',
                             'life_events', 'team_managers', 'keqing_schema'] LOOP
        IF to_regclass(t) IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s SET SCHEMA keqing', to_regclass(t));
        END IF;
    END LOOP;
END $$;
CREATE TABLE IF NOT EXISTS keqing.keqing_schema (version INTEGER NOT NULL);

UPDATE keqing.contacts k SET flags = f.flags
  FROM (SELECT x.id, (x.feedback <> '')::integer | ((x.preference <> '')::integer << 1)
               | ((x.favour <> '')::integer << 2) | ((x.family <> '')::integer << 3)
               | ((x.competitor <> '')::integer << 4) | ((x.slow_mover <> '')::integer << 5)
               | ((x.asked_help <> 0)::integer << 6) | ((x.training <> 0)::integer << 7)
               | ((x.solved <> '')::integer << 8) AS flags
          FROM keqing.contacts x) f
 WHERE f.id = k.id AND k.flags <> f.flags;

-- Schema 4's policies and helpers answered for any rep a caller named, through the caller's search path.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'keqing' LOOP
        EXECUTE format('DROP POLICY %I ON keqing.%I', p.policyname, p.tablename);
    END LOOP;
END $$;
DROP FUNCTION IF EXISTS keqing_may_log(name, integer), keqing_visible(name), keqing_manages(name, text),
    keqing_is_admin(name);

-- No keqing group, nor PUBLIC, holds anything on the tables, their sequences or their schemas.
REVOKE ALL ON ALL TABLES IN SCHEMA keqing FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA keqing FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
REVOKE ALL ON SCHEMA keqing FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY current_schemas(false) LOOP
        IF s <> 'keqing' THEN
            EXECUTE format('REVOKE ALL ON SCHEMA %I FROM keqing_admin, keqing_manager, keqing_rep', s);
        END IF;
    END LOOP;
END $$;

ALTER TABLE keqing.customers ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS;
ALTER TABLE keqing.tier_history ALTER COLUMN customer_id TYPE bigint;
ALTER TABLE keqing.assignments ALTER COLUMN customer_id TYPE bigint;
ALTER TABLE keqing.contacts ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS,
    ALTER COLUMN customer_id TYPE bigint;
ALTER TABLE keqing.people ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS,
    ALTER COLUMN customer_id TYPE bigint;
ALTER TABLE keqing.life_events ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS,
    ALTER COLUMN customer_id TYPE bigint, ALTER COLUMN person_id TYPE bigint;

-- The server's own settings: `timezone` is the zone its today and now are read in (the team's; from the
-- session that upgraded the database, normally the server's own `timezone`). The owner changes it with
-- UPDATE keqing.settings SET value = 'Asia/Shanghai' WHERE name = 'timezone'.
CREATE TABLE keqing.settings (
    name  text COLLATE "C" PRIMARY KEY,
    value text COLLATE "C" NOT NULL
);
INSERT INTO keqing.settings VALUES ('timezone', current_setting('TimeZone'));

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reps', 'customers', 'tier_history', 'assignments', 'contacts', 'people',
                             'life_events', 'team_managers', 'keqing_schema', 'settings'] LOOP
        EXECUTE format('ALTER TABLE keqing.%I ENABLE ROW LEVEL SECURITY', t);
    END LOOP;
END $$;

CREATE SCHEMA keqing_private;
CREATE SCHEMA keqing_api;
ALTER DEFAULT PRIVILEGES IN SCHEMA keqing_private REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA keqing_api REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- keqing_private: what the API functions ask about the session; nobody but the owner may call them.

-- Whether the session sees and changes everything: an admin, or the owner (or a superuser).
CREATE FUNCTION keqing_private.unrestricted() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.pg_has_role(session_user, 'keqing_admin', 'MEMBER')
              OR pg_catalog.pg_has_role(session_user, n.nspowner, 'MEMBER')
         FROM pg_catalog.pg_namespace n WHERE n.nspname = 'keqing' $$;

-- The customers the session's login sees: those ever assigned to it, and those ever assigned to a rep of
-- a team it manages.
CREATE FUNCTION keqing_private.visible_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = pg_catalog, pg_temp
    AS $$ SELECT a.customer_id FROM keqing.assignments a WHERE a.rep_id = session_user::text
          UNION
          SELECT a.customer_id FROM keqing.team_managers m JOIN keqing.reps r ON r.team = m.team
                 JOIN keqing.assignments a ON a.rep_id = r.id
           WHERE m.login = session_user::text $$;

-- Whether the session's login manages the rep `of_rep` (the rep belongs to a team it manages).
CREATE FUNCTION keqing_private.manages(of_rep text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM keqing.team_managers m JOIN keqing.reps r ON r.team = m.team
                          WHERE m.login = session_user::text AND r.id = of_rep) $$;

-- Today and now on the server's clock, in the team's time zone (never the session's own `timezone`):
-- 'YYYY-MM-DD' and 'YYYY-MM-DDTHH:MM', as keqing writes days and times.
CREATE FUNCTION keqing_private.zone() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce((SELECT s.value FROM keqing.settings s WHERE s.name = 'timezone'), 'UTC') $$;
CREATE FUNCTION keqing_private.today() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.to_char(pg_catalog.now() AT TIME ZONE keqing_private.zone(), 'YYYY-MM-DD') $$;
CREATE FUNCTION keqing_private.local_now() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.to_char(pg_catalog.now() AT TIME ZONE keqing_private.zone(), 'YYYY-MM-DD"T"HH24:MI') $$;

-- The customers the session may write for today: those whose assignment in effect today (the server's
-- date) is to its login or to a rep it manages, among those it sees — read from its own customers only.
CREATE FUNCTION keqing_private.writable_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(array_agg(v.id), '{}') FROM keqing_private.visible_ids() AS v(id)
           CROSS JOIN LATERAL (SELECT a.rep_id FROM keqing.assignments a
                                WHERE a.customer_id = v.id AND a.effective_from <= keqing_private.today()
                                ORDER BY a.effective_from DESC LIMIT 1) now_assigned
          WHERE now_assigned.rep_id = session_user::text OR keqing_private.manages(now_assigned.rep_id) $$;

-- The reps under whose names the session may write: its login and the reps it manages.
CREATE FUNCTION keqing_private.writable_reps() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT ARRAY[session_user::text] || coalesce(array_agg(r.id), '{}') FROM keqing.team_managers m
           JOIN keqing.reps r ON r.team = m.team WHERE m.login = session_user::text $$;

-- Whether the session may write for customer `of_customer` under the name of rep `as_rep`: an unrestricted
-- session always; a rep or manager for a customer of writable_ids() under a name of writable_reps(). The
-- customer is looked for among the session's own only, so a hidden customer costs what a missing one does.
CREATE FUNCTION keqing_private.may_write(of_customer bigint, as_rep text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT keqing_private.unrestricted()
              OR (as_rep = ANY (keqing_private.writable_reps()) AND of_customer = ANY (keqing_private.writable_ids())) $$;

-- Whether `day` is a real day written YYYY-MM-DD.
CREATE FUNCTION keqing_private.is_day(day text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RETURN day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND pg_catalog.to_char(day::date, 'YYYY-MM-DD') = day;
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END $$;

-- Refuses, with one line, a session that is not unrestricted (roster changes are the admin's).
CREATE FUNCTION keqing_private.require_admin() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT keqing_private.unrestricted() THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only an admin changes the roster (reps, customers, tiers, assignments, managers)';
    END IF;
END $$;

-- keqing_api, reads: each returns the rows of one table that the session sees, whole, in no order.
-- An unrestricted session reads the table; any other reads only through its own customers, one
-- customer at a time (LATERAL … OFFSET 0 keeps the plan so), so no work done grows with what it may not see.

-- The schema version, for a keqing that must know whether the owner upgraded the database.
CREATE FUNCTION keqing_api.schema_version() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT max(v.version) FROM keqing.keqing_schema v $$;

-- The company's reps and their teams: a directory every keqing role reads.
CREATE FUNCTION keqing_api.reps() RETURNS SETOF keqing.reps
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT r.* FROM keqing.reps r $$;

CREATE FUNCTION keqing_api.customers() RETURNS SETOF keqing.customers
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT c.* FROM keqing.customers c;
    ELSE
        RETURN QUERY SELECT c.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.customers x WHERE x.id = v.id OFFSET 0) c;
    END IF;
END $$;

CREATE FUNCTION keqing_api.tier_history() RETURNS SETOF keqing.tier_history
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT t.* FROM keqing.tier_history t;
    ELSE
        RETURN QUERY SELECT t.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.tier_history x WHERE x.customer_id = v.id OFFSET 0) t;
    END IF;
END $$;

CREATE FUNCTION keqing_api.assignments() RETURNS SETOF keqing.assignments
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT a.* FROM keqing.assignments a;
    ELSE
        RETURN QUERY SELECT a.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.assignments x WHERE x.customer_id = v.id OFFSET 0) a;
    END IF;
END $$;

-- The contacts (voided ones included) that happened from `from_day` through `to_day`.
CREATE FUNCTION keqing_api.contacts(from_day text, to_day text) RETURNS SETOF keqing.contacts
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.* FROM keqing.contacts k
            WHERE pg_catalog.substr(k.happened_on, 1, 7) BETWEEN pg_catalog.substr(from_day, 1, 7)
                                                             AND pg_catalog.substr(to_day, 1, 7)
              AND k.happened_on BETWEEN from_day AND to_day;
    ELSE
        RETURN QUERY SELECT k.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on BETWEEN from_day AND to_day OFFSET 0) k;
    END IF;
END $$;

-- One contact by its number, when the session sees it. Any other session looks for it among its own
-- customers' contacts only (`id + 0` keeps the planner off the primary key), so that a hidden contact
-- costs what a missing one does.
CREATE FUNCTION keqing_api.contact(contact_id bigint) RETURNS SETOF keqing.contacts
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.* FROM keqing.contacts k WHERE k.id = contact_id;
    ELSE
        RETURN QUERY SELECT k.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.id + 0 = contact_id OFFSET 0) k;
    END IF;
END $$;

CREATE FUNCTION keqing_api.people() RETURNS SETOF keqing.people
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT p.* FROM keqing.people p;
    ELSE
        RETURN QUERY SELECT p.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.people x WHERE x.customer_id = v.id OFFSET 0) p;
    END IF;
END $$;

CREATE FUNCTION keqing_api.life_events() RETURNS SETOF keqing.life_events
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT e.* FROM keqing.life_events e;
    ELSE
        RETURN QUERY SELECT e.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.life_events x WHERE x.customer_id = v.id OFFSET 0) e;
    END IF;
END $$;

-- Which teams who manages: a manager reads its own rows, an admin all.
CREATE FUNCTION keqing_api.team_managers() RETURNS SETOF keqing.team_managers
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT m.* FROM keqing.team_managers m
           WHERE keqing_private.unrestricted() OR m.login = session_user::text $$;

-- keqing_api, writes. Refusals are one line: SQLSTATE 42501 for what the session may not do (worded the
-- same whether the customer, contact or person does not exist or is not the session's to see), 22023 or
-- 22007 for bad values, P0002 for what the session cannot find.

-- Logs contacts, one per position of the arrays (all of one length: an import's batch, or one contact), and
-- returns their new ids in that order. Each must be for a customer assigned today to the session's login
-- (or to a rep of a team it manages), under its own name (or, for a manager, one of its reps'), dated on or
-- before the server's today.
CREATE FUNCTION keqing_api.log_contacts(customer_ids bigint[], channels text[], days text[], times text[],
                                        reps text[], notes text[], gifts integer[], occasions text[],
                                        feedback text[], preferences text[], favours text[], families text[],
                                        competitors text[], slow_movers text[], asked_help integer[],
                                        solved text[], training integer[])
    RETURNS SETOF bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    today text := keqing_private.today();
    n bigint := pg_catalog.cardinality(customer_ids);
    everyone boolean := keqing_private.unrestricted();
    customers_ok bigint[] := CASE WHEN everyone THEN '{}' ELSE keqing_private.writable_ids() END;
    reps_ok text[] := CASE WHEN everyone THEN '{}' ELSE keqing_private.writable_reps() END;
    bad record;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.unnest(ARRAY[pg_catalog.cardinality(channels), pg_catalog.cardinality(days),
                   pg_catalog.cardinality(times), pg_catalog.cardinality(reps), pg_catalog.cardinality(notes),
                   pg_catalog.cardinality(gifts), pg_catalog.cardinality(occasions),
                   pg_catalog.cardinality(feedback), pg_catalog.cardinality(preferences),
                   pg_catalog.cardinality(favours), pg_catalog.cardinality(families),
                   pg_catalog.cardinality(competitors), pg_catalog.cardinality(slow_movers),
                   pg_catalog.cardinality(asked_help), pg_catalog.cardinality(solved),
                   pg_catalog.cardinality(training)]) AS c(len)
               WHERE c.len IS DISTINCT FROM n) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'log_contacts takes arrays of one length, one position per contact';
    END IF;
    SELECT u.i, u.customer_id, u.day, u.rep_id, u.channel, u.at INTO bad
      FROM unnest(customer_ids, days, reps, channels, times) WITH ORDINALITY AS u(customer_id, day, rep_id, channel, at, i)
     WHERE u.customer_id IS NULL OR u.rep_id IS NULL OR u.day IS NULL OR coalesce(u.channel, '') = ''
        OR NOT keqing_private.is_day(u.day) OR u.day > today
        OR coalesce(u.at, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^$'
        OR NOT (everyone OR (u.customer_id = ANY (customers_ok) AND u.rep_id = ANY (reps_ok)))
     ORDER BY u.i LIMIT 1;
    IF FOUND THEN
        IF bad.customer_id IS NULL OR bad.rep_id IS NULL OR coalesce(bad.channel, '') = '' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('contact %s has no customer, rep or channel', bad.i);
        ELSIF NOT keqing_private.is_day(coalesce(bad.day, '')) THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format',
                MESSAGE = pg_catalog.format('contact %s: %L is not a day written YYYY-MM-DD', bad.i, bad.day);
        ELSIF bad.day > today THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('contact %s is dated %s, after the server''s today (%s)', bad.i, bad.day, today);
        ELSIF coalesce(bad.at, '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^$' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format',
                MESSAGE = pg_catalog.format('contact %s: %L is not a time written HH:MM', bad.i, bad.at);
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = pg_catalog.format('contact %s: customer #%s is not assigned today to %s or to a rep it '
                                            'manages, or %s is neither %s nor a rep it manages',
                                            bad.i, bad.customer_id, session_user, bad.rep_id, session_user);
        END IF;
    END IF;
    -- (unnest of several arrays is SQL's special form, which takes no schema; pg_catalog comes first anyway.)
    RETURN QUERY
    WITH added AS (
        INSERT INTO keqing.contacts AS k (customer_id, channel, happened_on, happened_at, rep_id, note, gift, occasion,
                                          feedback, preference, favour, family, competitor, slow_mover, asked_help,
                                          solved, training, logged_at, flags, lag)
        SELECT u.customer_id, u.channel, u.day, coalesce(u.at, ''), u.rep_id, coalesce(u.note, ''),
               (coalesce(u.gift, 0) <> 0)::integer, coalesce(u.occasion, ''), coalesce(u.feedback, ''),
               coalesce(u.preference, ''), coalesce(u.favour, ''), coalesce(u.family, ''),
               coalesce(u.competitor, ''), coalesce(u.slow_mover, ''), (coalesce(u.asked_help, 0) <> 0)::integer,
               coalesce(u.solved, ''), (coalesce(u.training, 0) <> 0)::integer, keqing_private.local_now(),
               -- the bits of store/activity.cpp's contact_flags (| and << bind alike: each shift in parentheses)
               (coalesce(u.feedback, '') <> '')::integer | ((coalesce(u.preference, '') <> '')::integer << 1)
                 | ((coalesce(u.favour, '') <> '')::integer << 2) | ((coalesce(u.family, '') <> '')::integer << 3)
                 | ((coalesce(u.competitor, '') <> '')::integer << 4) | ((coalesce(u.slow_mover, '') <> '')::integer << 5)
                 | ((coalesce(u.asked_help, 0) <> 0)::integer << 6) | ((coalesce(u.training, 0) <> 0)::integer << 7)
                 | ((coalesce(u.solved, '') <> '')::integer << 8),
               today::date - u.day::date
          FROM unnest(customer_ids, channels, days, times, reps, notes, gifts, occasions, feedback,
                                 preferences, favours, families, competitors, slow_movers, asked_help, solved,
                                 training) WITH ORDINALITY
               AS u(customer_id, channel, day, at, rep_id, note, gift, occasion, feedback, preference, favour,
                    family, competitor, slow_mover, asked_help, solved, training, i)
         ORDER BY u.i
        RETURNING k.id)
    SELECT added.id FROM added ORDER BY added.id;
END $$;

-- Logs one contact (as log_contacts) and returns its id.
CREATE FUNCTION keqing_api.log_contact(customer_id bigint, channel text, day text, at text, rep text, note text,
                                       gift integer, occasion text, feedback text, preference text, favour text,
                                       family text, competitor text, slow_mover text, asked_help integer,
                                       solved text, training integer) RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT keqing_api.log_contacts(ARRAY[customer_id], ARRAY[channel], ARRAY[day], ARRAY[at], ARRAY[rep],
                                         ARRAY[note], ARRAY[gift], ARRAY[occasion], ARRAY[feedback],
                                         ARRAY[preference], ARRAY[favour], ARRAY[family], ARRAY[competitor],
                                         ARRAY[slow_mover], ARRAY[asked_help], ARRAY[solved], ARRAY[training]) $$;

-- Voids a contact with a reason: the session's own, a rep's it manages, or (unrestricted) any. A void is
-- the only change to a contact, and it is final.
CREATE FUNCTION keqing_api.void_contact(contact_id bigint, reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    found_contact record;
BEGIN
    IF coalesce(reason, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a void needs a reason';
    END IF;
    SELECT k.rep_id, k.voided_at INTO found_contact FROM keqing_api.contact(contact_id) k;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no contact #%s', contact_id);
    END IF;
    IF NOT (keqing_private.unrestricted() OR found_contact.rep_id = session_user::text
            OR keqing_private.manages(found_contact.rep_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('contact #%s was logged by %s: a rep voids only its own contacts, a manager '
                                        'also those of the reps it manages', contact_id, found_contact.rep_id);
    END IF;
    IF found_contact.voided_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('contact #%s was already voided; a void is final', contact_id);
    END IF;
    UPDATE keqing.contacts k SET voided_at = keqing_private.local_now(), void_reason = reason
     WHERE k.id = contact_id AND k.voided_at IS NULL;
    IF NOT FOUND THEN -- voided meanwhile by another session
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('contact #%s was already voided; a void is final', contact_id);
    END IF;
END $$;

-- Records a person at a customer the session may write for (as log_contacts), and returns its id.
CREATE FUNCTION keqing_api.add_person(customer_id bigint, name text, role text, birthday text, preferences text,
                                      family text, personality text, note text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
BEGIN
    IF coalesce(name, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a person needs a name';
    END IF;
    IF customer_id IS NULL OR NOT keqing_private.may_write(customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        customer_id, session_user);
    END IF;
    INSERT INTO keqing.people AS p (customer_id, name, role, birthday, preferences, family, personality, note, created_at)
    VALUES (add_person.customer_id, add_person.name, coalesce(add_person.role, ''), coalesce(add_person.birthday, ''),
            coalesce(add_person.preferences, ''), coalesce(add_person.family, ''),
            coalesce(add_person.personality, ''), coalesce(add_person.note, ''), keqing_private.local_now())
    RETURNING p.id INTO new_id;
    RETURN new_id;
END $$;

-- Changes a person at a customer the session may write for.
CREATE FUNCTION keqing_api.update_person(person_id bigint, name text, role text, birthday text, preferences text,
                                         family text, personality text, note text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    at_customer bigint;
BEGIN
    IF coalesce(name, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a person needs a name';
    END IF;
    -- As contact(): among the session's own customers' people only.
    IF keqing_private.unrestricted() THEN
        SELECT p.customer_id INTO at_customer FROM keqing.people p WHERE p.id = person_id;
    ELSE
        SELECT p.customer_id INTO at_customer FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id FROM keqing.people x
                                 WHERE x.customer_id = v.id AND x.id + 0 = person_id OFFSET 0) p;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no person #%s', person_id);
    END IF;
    IF NOT keqing_private.may_write(at_customer, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        at_customer, session_user);
    END IF;
    UPDATE keqing.people p
       SET name = update_person.name, role = coalesce(update_person.role, ''),
           birthday = coalesce(update_person.birthday, ''), preferences = coalesce(update_person.preferences, ''),
           family = coalesce(update_person.family, ''), personality = coalesce(update_person.personality, ''),
           note = coalesce(update_person.note, '')
     WHERE p.id = person_id;
END $$;

-- Records a life event at a customer the session may write for (of one of its people, or none), and
-- returns its id.
CREATE FUNCTION keqing_api.add_event(customer_id bigint, person_id bigint, kind text, day text, note text)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
BEGIN
    IF coalesce(kind, '') = '' OR NOT keqing_private.is_day(coalesce(day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a life event needs a kind and a day written YYYY-MM-DD';
    END IF;
    IF customer_id IS NULL OR NOT keqing_private.may_write(customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        customer_id, session_user);
    END IF;
    IF person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM keqing.people p
                                              WHERE p.customer_id = add_event.customer_id
                                                AND p.id + 0 = add_event.person_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no person #%s at customer #%s', person_id, customer_id);
    END IF;
    INSERT INTO keqing.life_events AS e (customer_id, person_id, kind, happened_on, note, created_at)
    VALUES (add_event.customer_id, add_event.person_id, add_event.kind, add_event.day,
            coalesce(add_event.note, ''), keqing_private.local_now())
    RETURNING e.id INTO new_id;
    RETURN new_id;
END $$;

-- keqing_api, the roster: an admin's (each refuses any other session, and only keqing_admin may call them).

CREATE FUNCTION keqing_api.add_rep(id text, name text, team text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    INSERT INTO keqing.reps (id, name, team, created_at)
    VALUES (add_rep.id, coalesce(add_rep.name, ''), coalesce(add_rep.team, ''), keqing_private.local_now());
END $$;

-- Adds a customer with its first tier and rep (in effect from its opening day, or since always) and returns
-- its id.
CREATE FUNCTION keqing_api.add_customer(code text, name text, opened_on text, closed_on text, phone text,
                                        address text, stage text, tier text, rep text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
    since text := coalesce(opened_on, '0001-01-01');
BEGIN
    PERFORM keqing_private.require_admin();
    IF NOT keqing_private.is_day(since) OR (closed_on IS NOT NULL AND NOT keqing_private.is_day(closed_on)) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format', MESSAGE = 'opened_on and closed_on are days written YYYY-MM-DD';
    END IF;
    INSERT INTO keqing.customers AS c (code, name, opened_on, closed_on, phone, address, stage, created_at)
    VALUES (add_customer.code, add_customer.name, add_customer.opened_on, add_customer.closed_on,
            coalesce(add_customer.phone, ''), coalesce(add_customer.address, ''), coalesce(add_customer.stage, ''),
            keqing_private.local_now())
    RETURNING c.id INTO new_id;
    INSERT INTO keqing.tier_history (customer_id, tier, effective_from, recorded_at)
    VALUES (new_id, add_customer.tier, since, keqing_private.local_now());
    INSERT INTO keqing.assignments (customer_id, rep_id, effective_from, recorded_at)
    VALUES (new_id, add_customer.rep, since, keqing_private.local_now());
    RETURN new_id;
END $$;

-- Changes a customer's name, dates, phone, address and stage (tier and rep change through their history).
CREATE FUNCTION keqing_api.update_customer(customer_id bigint, name text, opened_on text, closed_on text,
                                           phone text, address text, stage text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    IF (opened_on IS NOT NULL AND NOT keqing_private.is_day(opened_on))
       OR (closed_on IS NOT NULL AND NOT keqing_private.is_day(closed_on)) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format', MESSAGE = 'opened_on and closed_on are days written YYYY-MM-DD';
    END IF;
    UPDATE keqing.customers c
       SET name = update_customer.name, opened_on = update_customer.opened_on, closed_on = update_customer.closed_on,
           phone = coalesce(update_customer.phone, ''), address = coalesce(update_customer.address, ''),
           stage = coalesce(update_customer.stage, '')
     WHERE c.id = update_customer.customer_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no customer #%s', customer_id);
    END IF;
END $$;

-- Records a customer's tier (or rep) from a day on; a second change on the same day replaces the first.
CREATE FUNCTION keqing_api.set_tier(customer_id bigint, tier text, from_day text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    IF NOT keqing_private.is_day(coalesce(from_day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format', MESSAGE = 'the day a tier takes effect is written YYYY-MM-DD';
    END IF;
    INSERT INTO keqing.tier_history AS t (customer_id, tier, effective_from, recorded_at)
    VALUES (set_tier.customer_id, set_tier.tier, from_day, keqing_private.local_now())
    ON CONFLICT ON CONSTRAINT tier_history_pkey DO UPDATE SET tier = excluded.tier, recorded_at = excluded.recorded_at;
END $$;

CREATE FUNCTION keqing_api.assign_rep(customer_id bigint, rep text, from_day text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    IF NOT keqing_private.is_day(coalesce(from_day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format', MESSAGE = 'the day an assignment takes effect is written YYYY-MM-DD';
    END IF;
    INSERT INTO keqing.assignments AS a (customer_id, rep_id, effective_from, recorded_at)
    VALUES (assign_rep.customer_id, assign_rep.rep, from_day, keqing_private.local_now())
    ON CONFLICT ON CONSTRAINT assignments_pkey DO UPDATE SET rep_id = excluded.rep_id, recorded_at = excluded.recorded_at;
END $$;

-- Who manages which team (docs/TEAMS.md): a manager login `login` gets or loses the team `team`.
CREATE FUNCTION keqing_api.add_manager(login text, team text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    INSERT INTO keqing.team_managers (login, team) VALUES (add_manager.login, add_manager.team) ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION keqing_api.remove_manager(login text, team text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    DELETE FROM keqing.team_managers m WHERE m.login = remove_manager.login AND m.team = remove_manager.team;
END $$;

-- The planner's settings are the caller's to change (enable_indexscan = off, random_page_cost …), and a
-- plan that scans a whole table makes the work done, and so EXPLAIN's buffers and the time taken, grow
-- with what the caller may not see. Every API function runs with the owner's: those of the session that
-- applies this schema. And the settings that print what runs inside a function to the client
-- (debug_print_plan, with client_min_messages = log, shows the plans of its queries, whose row estimates
-- come from statistics on every row) are off in it.
-- (A later schema that adds API functions calls pin_planner() again.)
CREATE FUNCTION keqing_private.pin_planner() RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    f regprocedure;
    g text;
BEGIN
    FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'keqing_api'::regnamespace LOOP
        FOR g IN SELECT s.name FROM pg_catalog.pg_settings s
                  WHERE s.category LIKE 'Query Tuning%' AND s.context = 'user' LOOP
            EXECUTE pg_catalog.format('ALTER FUNCTION %s SET %I FROM CURRENT', f, g);
        END LOOP;
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET debug_print_parse = off SET debug_print_rewritten = off '
                                  'SET debug_print_plan = off SET trace_sort = off SET client_min_messages = warning', f);
    END LOOP;
END $$;
SELECT keqing_private.pin_planner();

-- Who may call what: the groups use keqing_api alone, the roster functions only keqing_admin.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA keqing_private, keqing_api FROM PUBLIC;
REVOKE ALL ON SCHEMA keqing_private FROM PUBLIC;
GRANT USAGE ON SCHEMA keqing_api TO keqing_admin, keqing_manager, keqing_rep;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA keqing_api TO keqing_admin, keqing_manager, keqing_rep;
REVOKE EXECUTE ON FUNCTION keqing_api.add_rep(text, text, text),
    keqing_api.add_customer(text, text, text, text, text, text, text, text, text),
    keqing_api.update_customer(bigint, text, text, text, text, text, text),
    keqing_api.set_tier(bigint, text, text), keqing_api.assign_rep(bigint, text, text),
    keqing_api.add_manager(text, text), keqing_api.remove_manager(text, text)
    FROM keqing_manager, keqing_rep;
-- @end
