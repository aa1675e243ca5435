-- keqing schema version 19: what one contact's write reads on a team server, narrowed (issue 23 target 3).
-- SQLite, one person's file, has nothing to change. On PostgreSQL:
-- - writable_ids() (every contact a rep or manager logs is checked against it) called
--   keqing_private.today() — and with it zone(), a read of the settings — once per customer the session
--   sees, a hundred calls for one rep's log-visit; as a scalar subquery the date is worked out once.
-- - A follow-up opened from a contact (log-visit --promise, --problem, --slow-mover, --complaint) found its
--   contact among every contact of every customer the session sees (contact(), which keeps off the primary
--   key so that a hidden contact costs what a missing one does): 6,700 rows for a rep of a hundred
--   customers and a year. add_followup now takes the contact's day as well, which only narrows the search to
--   that day of the session's own customers (contact_on); a wrong day finds no contact, and without one it
--   searches as before. close_followup looks for the closing contact at the follow-up's own customer only,
--   which is all it ever accepted.
-- The same hardening as schema 6: SECURITY DEFINER, the search path pinned, every name qualified, the
-- planner's settings pinned (pin_planner), EXECUTE for the keqing groups alone; CREATE OR REPLACE keeps the
-- grants.
-- @postgresql
CREATE OR REPLACE FUNCTION keqing_private.writable_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(array_agg(v.id), '{}') FROM keqing_private.visible_ids() AS v(id)
           CROSS JOIN LATERAL (SELECT a.rep_id FROM keqing.assignments a
                                WHERE a.customer_id = v.id AND a.effective_from <= (SELECT keqing_private.today())
                                ORDER BY a.effective_from DESC LIMIT 1) now_assigned
          WHERE now_assigned.rep_id = session_user::text OR keqing_private.manages(now_assigned.rep_id) $$;

-- Contact `contact_id` if it happened on `on_day` (NULL: any day, as contact()): an unrestricted session's
-- from the table; any other's among its own customers' contacts of that day, a look-up per customer in
-- contacts_customer, so that a hidden contact costs what a missing one does.
CREATE FUNCTION keqing_private.contact_on(contact_id bigint, on_day text) RETURNS SETOF keqing.contacts
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF on_day IS NULL THEN
        RETURN QUERY SELECT k.* FROM keqing_api.contact(contact_id) k;
    ELSIF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.* FROM keqing.contacts k WHERE k.id = contact_id AND k.happened_on = on_day;
    ELSE
        RETURN QUERY SELECT k.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on = on_day AND x.id + 0 = contact_id
                                 OFFSET 0) k;
    END IF;
END $$;

-- Opens a follow-up from contact `contact_id` of day `on_day` (NULL: of any day) as schema 15's add_followup
-- did.
DROP FUNCTION keqing_api.add_followup(bigint, text, text, text, bigint);
CREATE FUNCTION keqing_api.add_followup(contact_id bigint, kind text, body text, due_on text, person_id bigint,
                                        on_day text DEFAULT NULL)
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
      FROM keqing_private.contact_on(contact_id, on_day) k;
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

-- Closes follow-up `followup_id` as schema 15's close_followup did; the closing contact is looked for at the
-- follow-up's customer alone (one of the session's own: writable_followup).
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
        SELECT k.happened_on INTO closing_day FROM keqing.contacts k
         WHERE k.customer_id = item.customer_id AND k.id + 0 = close_followup.contact_id AND k.voided_at IS NULL;
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

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_private.contact_on(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION keqing_api.add_followup(bigint, text, text, text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.add_followup(bigint, text, text, text, bigint, text)
    TO keqing_admin, keqing_manager, keqing_rep;
-- @end
