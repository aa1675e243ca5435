-- keqing schema version 8: a contact's occasion tag changed after the fact (issue 17: `log-visit --tag ID
-- --occasion TAG`, `--untag ID`). The contact keeps one tag, in contacts.occasion; each change is recorded
-- here with the tag before and after, who made it and when, so that nothing is counted twice and every
-- change can be traced.
CREATE TABLE retags (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    occasion   TEXT NOT NULL,   -- the tag from now on ('' = none)
    previous   TEXT NOT NULL,   -- the tag before
    login      TEXT NOT NULL,   -- the rep keqing ran as (on PostgreSQL, the login)
    at         TEXT NOT NULL    -- YYYY-MM-DDTHH:MM
) STRICT;
CREATE INDEX retags_contact ON retags(contact_id);
-- @postgresql
-- As schema 6 made every table: ids that only the owner's inserts draw, no privilege, no row for anyone
-- but the owner.
ALTER TABLE keqing.retags ALTER COLUMN id TYPE bigint, ALTER COLUMN contact_id TYPE bigint,
    ALTER COLUMN id SET GENERATED ALWAYS;
REVOKE ALL ON keqing.retags FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.retags ENABLE ROW LEVEL SECURITY;

-- Re-tags contact `contact_id` with `occasion` ('' removes its tag), as void_contact voids: a contact the
-- session may see (a hidden one is "no contact", as a missing one), logged by its login — or, for a
-- manager, by one of its reps —, not voided. keqing checks that the tag names an obligation the contact
-- fits before it calls this; the change is recorded in keqing.retags with the session's login and the
-- server's time.
CREATE FUNCTION keqing_api.retag_contact(contact_id bigint, occasion text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    found_contact record;
BEGIN
    SELECT k.rep_id, k.voided_at, k.occasion INTO found_contact FROM keqing_api.contact(contact_id) k;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no contact #%s', contact_id);
    END IF;
    IF NOT (keqing_private.unrestricted() OR found_contact.rep_id = session_user::text
            OR keqing_private.manages(found_contact.rep_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('contact #%s was logged by %s: a rep re-tags only its own contacts, a '
                                        'manager also those of the reps it manages', contact_id, found_contact.rep_id);
    END IF;
    IF found_contact.voided_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('contact #%s was voided; a voided contact keeps its tag', contact_id);
    END IF;
    INSERT INTO keqing.retags (contact_id, occasion, previous, login, at)
        VALUES (contact_id, coalesce(retag_contact.occasion, ''), found_contact.occasion, session_user::text,
                keqing_private.local_now());
    UPDATE keqing.contacts k SET occasion = coalesce(retag_contact.occasion, '') WHERE k.id = contact_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.retag_contact(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.retag_contact(bigint, text) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
