-- keqing schema version 15: follow-up items in progress, about a person, and opened without a contact
-- (issue 18 items 1, 2): an item goes open → in progress (started_on) → done or dropped; it may name the
-- customer's contact person it is about; `roster complaint add` and the follow-up and complaint imports
-- open items that no contact opened (opened_by NULL), owned by the rep the customer was assigned to on
-- the day it was opened.
ALTER TABLE followups ADD COLUMN person_id INTEGER REFERENCES people(id); -- NULL: about the customer
ALTER TABLE followups ADD COLUMN started_on TEXT;                         -- YYYY-MM-DD, in progress from
-- @postgresql
ALTER TABLE keqing.followups ALTER COLUMN person_id TYPE bigint;

-- The rep customer `of_customer` was assigned to on `day` (NULL: none yet).
CREATE FUNCTION keqing_private.rep_on(of_customer bigint, day text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT a.rep_id FROM keqing.assignments a WHERE a.customer_id = of_customer
             AND a.effective_from <= day ORDER BY a.effective_from DESC LIMIT 1 $$;

-- The follow-up `followup_id` among the session's own customers' (`id + 0`: a hidden one is "no
-- follow-up", as a missing one), refused unless the session may write for its customer and it is still
-- open or in progress.
CREATE FUNCTION keqing_private.writable_followup(followup_id bigint) RETURNS keqing.followups
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item keqing.followups;
BEGIN
    IF keqing_private.unrestricted() THEN
        SELECT f.* INTO item FROM keqing.followups f WHERE f.id = followup_id;
    ELSE
        SELECT f.* INTO item FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.followups x
                                 WHERE x.customer_id = v.id AND x.id + 0 = followup_id OFFSET 0) f;
    END IF;
    IF item.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no follow-up #%s', followup_id);
    END IF;
    IF NOT keqing_private.may_write(item.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        item.customer_id, session_user);
    END IF;
    IF item.status NOT IN ('open', 'in_progress') THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('follow-up #%s is closed already (%s)', followup_id, item.status);
    END IF;
    RETURN item;
END $$;

-- Whether `person_id` is NULL or a current person of customer `of_customer`.
CREATE FUNCTION keqing_private.person_of(of_customer bigint, person_id bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT person_id IS NULL OR EXISTS (SELECT 1 FROM keqing.people p WHERE p.customer_id = of_customer
                                                 AND p.id + 0 = person_id AND p.removed_at IS NULL) $$;

-- Opens a follow-up from contact `contact_id` as schema 9's add_followup did, about person `person_id`
-- (NULL: none; else a current person of the contact's customer).
DROP FUNCTION keqing_api.add_followup(bigint, text, text, text);
CREATE FUNCTION keqing_api.add_followup(contact_id bigint, kind text, body text, due_on text, person_id bigint)
    RETURNS bigint
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
    IF NOT keqing_private.person_of(found_contact.customer_id, person_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no person #%s at customer #%s', person_id, found_contact.customer_id);
    END IF;
    INSERT INTO keqing.followups AS f (customer_id, kind, body, rep_id, opened_on, due_on, opened_by, created_at,
                                       person_id)
    VALUES (found_contact.customer_id, add_followup.kind, add_followup.body, found_contact.rep_id,
            found_contact.happened_on, add_followup.due_on, add_followup.contact_id, keqing_private.local_now(),
            add_followup.person_id)
    RETURNING f.id INTO new_id;
    RETURN new_id;
END $$;

-- Opens a follow-up without a contact (`roster complaint add`, the imports) at customer `customer_id`, in
-- the state the caller gives — open, in_progress from `started_on`, or done or dropped on `closed_on` with
-- a reason —, owned by the rep the customer was assigned to on `opened_on`, which must be the session's
-- login or a rep it manages; its days in order. Returns the new id.
CREATE FUNCTION keqing_api.open_followup(customer_id bigint, kind text, body text, person_id bigint,
                                         opened_on text, due_on text, status text, started_on text,
                                         closed_on text, reason text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    owner text;
    new_id bigint;
BEGIN
    IF coalesce(kind, '') = '' OR coalesce(body, '') = '' OR NOT keqing_private.is_day(coalesce(opened_on, ''))
       OR NOT keqing_private.is_day(coalesce(due_on, '')) OR due_on < opened_on
       OR coalesce(status, '') NOT IN ('open', 'in_progress', 'done', 'dropped')
       OR (status = 'in_progress') <> (started_on IS NOT NULL AND closed_on IS NULL)
       OR (status IN ('done', 'dropped')) <> (closed_on IS NOT NULL)
       OR (started_on IS NOT NULL AND (NOT keqing_private.is_day(started_on) OR started_on < opened_on))
       OR (closed_on IS NOT NULL AND (NOT keqing_private.is_day(closed_on) OR closed_on < opened_on
                                      OR closed_on < coalesce(started_on, ''))) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a follow-up needs a kind, a text, days written YYYY-MM-DD in order, and a status (open, '
                      'in_progress with its start, done or dropped with its day)';
    END IF;
    -- The session's own customers first, so a hidden customer costs what a missing one does.
    IF customer_id IS NULL OR NOT keqing_private.may_write(customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        customer_id, session_user);
    END IF;
    owner := keqing_private.rep_on(customer_id, opened_on);
    IF owner IS NULL OR NOT keqing_private.may_write(customer_id, owner)
       OR NOT (keqing_private.unrestricted() OR owner = session_user::text OR keqing_private.manages(owner)) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        customer_id, session_user);
    END IF;
    IF NOT keqing_private.person_of(customer_id, person_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no person #%s at customer #%s', person_id, customer_id);
    END IF;
    INSERT INTO keqing.followups AS f (customer_id, kind, body, rep_id, opened_on, due_on, status, started_on,
                                       closed_on, reason, person_id, created_at)
    VALUES (open_followup.customer_id, open_followup.kind, open_followup.body, owner, open_followup.opened_on,
            open_followup.due_on, open_followup.status, open_followup.started_on, open_followup.closed_on,
            coalesce(open_followup.reason, ''), open_followup.person_id, keqing_private.local_now())
    RETURNING f.id INTO new_id;
    RETURN new_id;
END $$;

-- Marks open follow-up `followup_id` in progress from `day` (not before it was opened).
CREATE FUNCTION keqing_api.start_followup(followup_id bigint, day text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item keqing.followups;
BEGIN
    IF NOT keqing_private.is_day(coalesce(day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a day is written YYYY-MM-DD';
    END IF;
    item := keqing_private.writable_followup(followup_id);
    IF item.status <> 'open' OR day < item.opened_on THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('follow-up #%s is in progress already, or was opened after %s',
                                        followup_id, day);
    END IF;
    UPDATE keqing.followups f SET status = 'in_progress', started_on = day WHERE f.id = followup_id;
END $$;

-- Closes follow-up `followup_id`, open or in progress, as schema 9's close_followup did.
CREATE OR REPLACE FUNCTION keqing_api.close_followup(followup_id bigint, status text, reason text, contact_id bigint)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item keqing.followups;
    closing_day text;
BEGIN
    IF coalesce(status, '') NOT IN ('done', 'dropped') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a follow-up closes as done or dropped';
    END IF;
    item := keqing_private.writable_followup(followup_id);
    closing_day := keqing_private.today();
    IF contact_id IS NOT NULL THEN
        SELECT k.happened_on INTO closing_day FROM keqing_api.contact(contact_id) k
         WHERE k.customer_id = item.customer_id AND k.voided_at IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no contact #%s', contact_id);
        END IF;
    END IF;
    IF closing_day < item.opened_on OR closing_day < coalesce(item.started_on, '') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('follow-up #%s was opened or started after %s', followup_id, closing_day);
    END IF;
    UPDATE keqing.followups f
       SET status = close_followup.status, reason = coalesce(close_followup.reason, ''), closed_on = closing_day,
           closed_by = close_followup.contact_id
     WHERE f.id = followup_id;
END $$;

-- Records a step of follow-up `followup_id` as schema 12's add_followup_step did, the item open or in
-- progress; the first step puts an open item in progress that day.
CREATE OR REPLACE FUNCTION keqing_api.add_followup_step(followup_id bigint, step text, note text, done_on text,
                                                        closes boolean) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item keqing.followups;
    last_day text;
    new_id bigint;
BEGIN
    IF coalesce(step, '') = '' OR coalesce(note, '') = '' OR NOT keqing_private.is_day(coalesce(done_on, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a step needs a name, a note and a day written YYYY-MM-DD';
    END IF;
    item := keqing_private.writable_followup(followup_id);
    SELECT max(s.done_on) INTO last_day FROM keqing.followup_steps s
     WHERE s.followup_id = add_followup_step.followup_id;
    IF done_on < item.opened_on OR done_on < coalesce(last_day, '') OR done_on < coalesce(item.started_on, '') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('follow-up #%s has a step or was opened after %s',
                                        add_followup_step.followup_id, done_on);
    END IF;
    INSERT INTO keqing.followup_steps AS s (followup_id, step, done_on, note, created_at)
    VALUES (add_followup_step.followup_id, add_followup_step.step, add_followup_step.done_on,
            add_followup_step.note, keqing_private.local_now())
    RETURNING s.id INTO new_id;
    IF item.status = 'open' THEN
        UPDATE keqing.followups f SET status = 'in_progress', started_on = add_followup_step.done_on
         WHERE f.id = add_followup_step.followup_id;
    END IF;
    IF closes THEN
        UPDATE keqing.followups f SET status = 'done', closed_on = add_followup_step.done_on,
               reason = add_followup_step.note
         WHERE f.id = add_followup_step.followup_id;
    END IF;
    RETURN new_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_private.rep_on(bigint, text), keqing_private.writable_followup(bigint),
    keqing_private.person_of(bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION keqing_api.add_followup(bigint, text, text, text, bigint),
    keqing_api.open_followup(bigint, text, text, bigint, text, text, text, text, text, text),
    keqing_api.start_followup(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.add_followup(bigint, text, text, text, bigint),
    keqing_api.open_followup(bigint, text, text, bigint, text, text, text, text, text, text),
    keqing_api.start_followup(bigint, text) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
