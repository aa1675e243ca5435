-- keqing schema version 9: follow-up items (issue 18): what a contact learns and must lead somewhere — a
-- promise made (seeds 000, 003), a problem to solve (R10), a slow mover to act on (R17), a complaint (seed
-- 002) — kept, with its owner and due day, until a later contact closes it (done) or it is dropped with a
-- reason. The kinds are the rules' ([[followup]] in rules.toml); the contacts that opened and closed an item
-- are kept with it.
CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    kind        TEXT NOT NULL,              -- a [[followup]] kind of the rules: promise, problem, slow-mover …
    body        TEXT NOT NULL,              -- what was promised, the problem, the item and why
    rep_id      TEXT NOT NULL REFERENCES reps(id), -- its owner: the rep of the contact that opened it
    opened_on   TEXT NOT NULL,              -- YYYY-MM-DD, the day of that contact
    due_on      TEXT NOT NULL,              -- YYYY-MM-DD
    status      TEXT NOT NULL DEFAULT 'open', -- open, done, dropped
    closed_on   TEXT,                       -- YYYY-MM-DD when done or dropped
    reason      TEXT NOT NULL DEFAULT '',   -- why it was dropped, or how it was done
    opened_by   INTEGER REFERENCES contacts(id),
    closed_by   INTEGER REFERENCES contacts(id),
    created_at  TEXT NOT NULL               -- YYYY-MM-DDTHH:MM
) STRICT;
CREATE INDEX followups_customer ON followups(customer_id);
-- @postgresql
-- As schema 6 made every table: ids that only the owner's inserts draw, no privilege, no row for anyone
-- but the owner.
ALTER TABLE keqing.followups ALTER COLUMN id TYPE bigint, ALTER COLUMN customer_id TYPE bigint,
    ALTER COLUMN opened_by TYPE bigint, ALTER COLUMN closed_by TYPE bigint,
    ALTER COLUMN id SET GENERATED ALWAYS;
REVOKE ALL ON keqing.followups FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.followups ENABLE ROW LEVEL SECURITY;

-- The follow-ups the session sees: those of its customers (as people(): one customer at a time).
CREATE FUNCTION keqing_api.followups() RETURNS SETOF keqing.followups
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT f.* FROM keqing.followups f;
    ELSE
        RETURN QUERY SELECT f.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.followups x WHERE x.customer_id = v.id OFFSET 0) f;
    END IF;
END $$;

-- Opens a follow-up from contact `contact_id`, which the session could void (a hidden contact is "no
-- contact", as a missing one): at its customer, owned by its rep, opened on its day — the server's facts,
-- none taken from the caller —, due on `due_on`. Returns the new id.
CREATE FUNCTION keqing_api.add_followup(contact_id bigint, kind text, body text, due_on text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    found_contact record;
    new_id bigint;
BEGIN
    IF coalesce(kind, '') = '' OR coalesce(body, '') = '' OR NOT keqing_private.is_day(coalesce(due_on, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a follow-up needs a kind, a text and a due day written YYYY-MM-DD';
    END IF;
    SELECT k.customer_id, k.rep_id, k.happened_on, k.voided_at INTO found_contact
      FROM keqing_api.contact(contact_id) k;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no contact #%s', contact_id);
    END IF;
    IF NOT keqing_private.may_write(found_contact.customer_id, found_contact.rep_id)
       OR NOT (keqing_private.unrestricted() OR found_contact.rep_id = session_user::text
               OR keqing_private.manages(found_contact.rep_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        found_contact.customer_id, session_user);
    END IF;
    IF found_contact.voided_at IS NOT NULL OR due_on < found_contact.happened_on THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('contact #%s is voided, or the due day %s is before it', contact_id, due_on);
    END IF;
    INSERT INTO keqing.followups AS f (customer_id, kind, body, rep_id, opened_on, due_on, opened_by, created_at)
    VALUES (found_contact.customer_id, add_followup.kind, add_followup.body, found_contact.rep_id,
            found_contact.happened_on, add_followup.due_on, add_followup.contact_id, keqing_private.local_now())
    RETURNING f.id INTO new_id;
    RETURN new_id;
END $$;

-- Closes open follow-up `followup_id` as 'done' or 'dropped' with a reason, at a customer the session may
-- write for. Looked for among the session's own customers' follow-ups only (`id + 0`), so a hidden one is
-- "no follow-up", as a missing one. Closed on the day of contact `contact_id` (one of the same customer,
-- not voided), or without one on the server's today.
CREATE FUNCTION keqing_api.close_followup(followup_id bigint, status text, reason text, contact_id bigint)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item record;
    closing_day text;
BEGIN
    IF coalesce(status, '') NOT IN ('done', 'dropped') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a follow-up closes as done or dropped';
    END IF;
    IF keqing_private.unrestricted() THEN
        SELECT f.customer_id, f.status, f.opened_on INTO item FROM keqing.followups f WHERE f.id = followup_id;
    ELSE
        SELECT f.customer_id, f.status, f.opened_on INTO item FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id, x.status, x.opened_on FROM keqing.followups x
                                 WHERE x.customer_id = v.id AND x.id + 0 = followup_id OFFSET 0) f;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no follow-up #%s', followup_id);
    END IF;
    IF NOT keqing_private.may_write(item.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        item.customer_id, session_user);
    END IF;
    IF item.status <> 'open' THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('follow-up #%s is closed already (%s)', followup_id, item.status);
    END IF;
    closing_day := keqing_private.today();
    IF contact_id IS NOT NULL THEN
        SELECT k.happened_on INTO closing_day FROM keqing_api.contact(contact_id) k
         WHERE k.customer_id = item.customer_id AND k.voided_at IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no contact #%s', contact_id);
        END IF;
    END IF;
    IF closing_day < item.opened_on THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('follow-up #%s was opened on %s, after %s', followup_id, item.opened_on,
                                        closing_day);
    END IF;
    UPDATE keqing.followups f
       SET status = close_followup.status, reason = coalesce(close_followup.reason, ''), closed_on = closing_day,
           closed_by = close_followup.contact_id
     WHERE f.id = followup_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.followups(), keqing_api.add_followup(bigint, text, text, text),
    keqing_api.close_followup(bigint, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.followups(), keqing_api.add_followup(bigint, text, text, text),
    keqing_api.close_followup(bigint, text, text, bigint) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
