-- keqing schema version 11: people and life events removed (issue 20: `roster person remove`, `roster event
-- remove`). A removal is never a delete: the row stays, with when and why it was removed, so the card's
-- history and `--removed` lists still show it; every other read leaves it out, so the birthday or visit
-- obligations it made are withdrawn.
ALTER TABLE people ADD COLUMN removed_at TEXT;                        -- YYYY-MM-DDTHH:MM, NULL = current
ALTER TABLE people ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE life_events ADD COLUMN removed_at TEXT;
ALTER TABLE life_events ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
-- @postgresql
-- Removes person `person_id` with a reason, at a customer the session may write for (as update_person: a
-- hidden person is "no person", as a missing one), on the server's clock. A removal is final.
CREATE FUNCTION keqing_api.remove_person(person_id bigint, reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    found_person record;
BEGIN
    IF coalesce(reason, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a removal needs a reason';
    END IF;
    IF keqing_private.unrestricted() THEN
        SELECT p.customer_id, p.removed_at INTO found_person FROM keqing.people p WHERE p.id = person_id;
    ELSE
        SELECT p.customer_id, p.removed_at INTO found_person FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id, x.removed_at FROM keqing.people x
                                 WHERE x.customer_id = v.id AND x.id + 0 = person_id OFFSET 0) p;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no person #%s', person_id);
    END IF;
    IF NOT keqing_private.may_write(found_person.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        found_person.customer_id, session_user);
    END IF;
    UPDATE keqing.people p SET removed_at = keqing_private.local_now(), removed_reason = reason
     WHERE p.id = person_id AND p.removed_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('person #%s was already removed; a removal is final', person_id);
    END IF;
END $$;

-- Removes life event `event_id` with a reason, as remove_person removes a person.
CREATE FUNCTION keqing_api.remove_event(event_id bigint, reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    found_event record;
BEGIN
    IF coalesce(reason, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a removal needs a reason';
    END IF;
    IF keqing_private.unrestricted() THEN
        SELECT e.customer_id INTO found_event FROM keqing.life_events e WHERE e.id = event_id;
    ELSE
        SELECT e.customer_id INTO found_event FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id FROM keqing.life_events x
                                 WHERE x.customer_id = v.id AND x.id + 0 = event_id OFFSET 0) e;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no life event #%s', event_id);
    END IF;
    IF NOT keqing_private.may_write(found_event.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        found_event.customer_id, session_user);
    END IF;
    UPDATE keqing.life_events e SET removed_at = keqing_private.local_now(), removed_reason = reason
     WHERE e.id = event_id AND e.removed_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('life event #%s was already removed; a removal is final', event_id);
    END IF;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.remove_person(bigint, text), keqing_api.remove_event(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.remove_person(bigint, text), keqing_api.remove_event(bigint, text)
    TO keqing_admin, keqing_manager, keqing_rep;
-- @end
