-- keqing schema version 7: imports that can run again (issue 15). Each contacts file imported is
-- remembered by the SHA-256 of its bytes, with when, by whom and how many contacts, so the same file is not
-- stored twice (not even by two imports at once); and a contact may carry the source system's id (`ref`):
-- a customer's contact whose ref is stored already is left out, so overlapping exports import once. On
-- PostgreSQL, roster imports that apply a newer file may also change a rep and a life event.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL,              -- SHA-256 of the file's bytes, lower-case hex
    file        TEXT NOT NULL,              -- the path it was read from
    rows        INTEGER NOT NULL,           -- contacts stored
    imported_at TEXT NOT NULL,              -- YYYY-MM-DDTHH:MM
    login       TEXT NOT NULL DEFAULT ''    -- the rep keqing ran as (on PostgreSQL, the login)
) STRICT;
CREATE INDEX imports_hash ON imports(hash);
ALTER TABLE contacts ADD COLUMN ref TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX contacts_ref ON contacts(customer_id, ref) WHERE ref <> '';
-- @postgresql
-- As schema 6 made every table: ids that only the owner's inserts draw, no privilege, no row for anyone
-- but the owner.
ALTER TABLE keqing.imports ALTER COLUMN id TYPE bigint, ALTER COLUMN id SET GENERATED ALWAYS;
REVOKE ALL ON keqing.imports FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.imports ENABLE ROW LEVEL SECURITY;

-- The earlier imports of a file's content (its SHA-256), newest first. It also locks that content until the
-- caller's transaction ends, so a second import of the same file waits for the first and then finds it.
-- Anyone may ask about a content it holds: what it learns is when that same content was imported.
CREATE FUNCTION keqing_api.claim_import(content_hash text) RETURNS SETOF keqing.imports
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(content_hash, 7355608));
    RETURN QUERY SELECT i.* FROM keqing.imports i WHERE i.hash = content_hash ORDER BY i.id DESC;
END $$;

-- Records an import of `rows` contacts from `file` with content `content_hash`, by the session's login, now.
CREATE FUNCTION keqing_api.record_import(content_hash text, file text, rows integer) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ INSERT INTO keqing.imports (hash, file, rows, imported_at, login)
          VALUES (content_hash, file, rows, keqing_private.local_now(), session_user::text) $$;

-- log_contacts and log_contact take a ref from now on.
DROP FUNCTION keqing_api.log_contact(bigint, text, text, text, text, text, integer, text, text, text, text, text,
                                     text, text, integer, text, integer);
DROP FUNCTION keqing_api.log_contacts(bigint[], text[], text[], text[], text[], text[], integer[], text[], text[],
                                      text[], text[], text[], text[], text[], integer[], text[], integer[]);

-- Logs contacts, one per position of the arrays (all of one length: an import's batch, or one contact), and
-- returns the new ids in that order; a contact whose customer has one with the same ref already is left
-- out (an export imported twice). Each must be for a customer assigned today to the session's login
-- (or to a rep of a team it manages), under its own name (or, for a manager, one of its reps'), dated on or
-- before the server's today.
CREATE FUNCTION keqing_api.log_contacts(customer_ids bigint[], channels text[], days text[], times text[],
                                        reps text[], notes text[], gifts integer[], occasions text[],
                                        feedback text[], preferences text[], favours text[], families text[],
                                        competitors text[], slow_movers text[], asked_help integer[],
                                        solved text[], training integer[], refs text[])
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
                   pg_catalog.cardinality(training), pg_catalog.cardinality(refs)]) AS c(len)
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
                                          solved, training, logged_at, flags, lag, ref)
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
               today::date - u.day::date, coalesce(u.ref, '')
          FROM unnest(customer_ids, channels, days, times, reps, notes, gifts, occasions, feedback,
                                 preferences, favours, families, competitors, slow_movers, asked_help, solved,
                                 training, refs) WITH ORDINALITY
               AS u(customer_id, channel, day, at, rep_id, note, gift, occasion, feedback, preference, favour,
                    family, competitor, slow_mover, asked_help, solved, training, ref, i)
         ORDER BY u.i
        ON CONFLICT (customer_id, ref) WHERE ref <> '' DO NOTHING
        RETURNING k.id)
    SELECT added.id FROM added ORDER BY added.id;
END $$;

-- Logs one contact (as log_contacts) and returns its id (none when its ref was stored already).
CREATE FUNCTION keqing_api.log_contact(customer_id bigint, channel text, day text, at text, rep text, note text,
                                       gift integer, occasion text, feedback text, preference text, favour text,
                                       family text, competitor text, slow_mover text, asked_help integer,
                                       solved text, training integer, ref text DEFAULT '') RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT keqing_api.log_contacts(ARRAY[customer_id], ARRAY[channel], ARRAY[day], ARRAY[at], ARRAY[rep],
                                         ARRAY[note], ARRAY[gift], ARRAY[occasion], ARRAY[feedback],
                                         ARRAY[preference], ARRAY[favour], ARRAY[family], ARRAY[competitor],
                                         ARRAY[slow_mover], ARRAY[asked_help], ARRAY[solved], ARRAY[training],
                                         ARRAY[ref]) $$;

-- Roster imports that run again (`--update`) change a rep's name and team (an admin's) and a life event.
CREATE FUNCTION keqing_api.update_rep(id text, name text, team text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM keqing_private.require_admin();
    UPDATE keqing.reps r SET name = coalesce(update_rep.name, ''), team = coalesce(update_rep.team, '')
     WHERE r.id = update_rep.id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no rep %s', id);
    END IF;
END $$;

-- Changes a life event's person, kind, day and note, at a customer the session may write for.
CREATE FUNCTION keqing_api.update_event(event_id bigint, person_id bigint, kind text, day text, note text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    at_customer bigint;
BEGIN
    IF coalesce(kind, '') = '' OR NOT keqing_private.is_day(coalesce(day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a life event needs a kind and a day written YYYY-MM-DD';
    END IF;
    -- As update_person(): among the session's own customers' events only.
    IF keqing_private.unrestricted() THEN
        SELECT e.customer_id INTO at_customer FROM keqing.life_events e WHERE e.id = event_id;
    ELSE
        SELECT e.customer_id INTO at_customer FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id FROM keqing.life_events x
                                 WHERE x.customer_id = v.id AND x.id + 0 = event_id OFFSET 0) e;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no life event #%s', event_id);
    END IF;
    IF NOT keqing_private.may_write(at_customer, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        at_customer, session_user);
    END IF;
    IF person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM keqing.people p
                                              WHERE p.customer_id = at_customer AND p.id + 0 = update_event.person_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no person #%s at customer #%s', person_id, at_customer);
    END IF;
    UPDATE keqing.life_events e
       SET person_id = update_event.person_id, kind = update_event.kind, happened_on = update_event.day,
           note = coalesce(update_event.note, '')
     WHERE e.id = event_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.claim_import(text), keqing_api.record_import(text, text, integer),
    keqing_api.update_rep(text, text, text), keqing_api.update_event(bigint, bigint, text, text, text),
    keqing_api.log_contacts(bigint[], text[], text[], text[], text[], text[], integer[], text[], text[], text[],
                            text[], text[], text[], text[], integer[], text[], integer[], text[]),
    keqing_api.log_contact(bigint, text, text, text, text, text, integer, text, text, text, text, text, text, text,
                           integer, text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.claim_import(text), keqing_api.record_import(text, text, integer),
    keqing_api.update_event(bigint, bigint, text, text, text),
    keqing_api.log_contacts(bigint[], text[], text[], text[], text[], text[], integer[], text[], text[], text[],
                            text[], text[], text[], text[], integer[], text[], integer[], text[]),
    keqing_api.log_contact(bigint, text, text, text, text, text, integer, text, text, text, text, text, text, text,
                           integer, text, integer, text) TO keqing_admin, keqing_manager, keqing_rep;
GRANT EXECUTE ON FUNCTION keqing_api.update_rep(text, text, text) TO keqing_admin;
-- @end
