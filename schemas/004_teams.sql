-- keqing schema version 4: teams sharing one database (docs/TEAMS.md). Which teams a manager oversees —
-- on both backends, though SQLite (one person's file) has no roles to apply it to — and, on PostgreSQL,
-- the roles and row-level security that decide who sees and changes what:
--   keqing_rep      sees the customers ever assigned to it, with their contacts, people, events and
--                   history; logs contacts under its own name for the customers assigned to it today,
--                   adds and edits their people and adds their life events; voids only its own contacts.
--   keqing_manager  sees the customers ever assigned to the reps of the teams it manages (team_managers);
--                   logs for those assigned to them today, under its own name or theirs, records their
--                   people and life events, and voids its own and its reps' contacts.
--   keqing_admin    everything: customers, reps, tiers, assignments, managers, every contact.
-- Only the database's owner deletes rows (an admin also removes team_managers rows), changes a logged
-- contact other than voiding it, or undoes a void.
-- A login role is named after the rep (or manager) it is and is a member of one of the three.
CREATE TABLE team_managers (
    login TEXT NOT NULL,  -- the database role that manages `team`
    team  TEXT NOT NULL,
    PRIMARY KEY (login, team)
) STRICT, WITHOUT ROWID;
-- @postgresql
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['keqing_admin', 'keqing_manager', 'keqing_rep'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another keqing database on this server created it at the same moment
            END;
        END IF;
    END LOOP;
END $$;

-- The functions run as the tables' owner (SECURITY DEFINER), so that policies can consult assignments
-- without applying their own policies again.
CREATE FUNCTION keqing_is_admin(who name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT pg_has_role(who, 'keqing_admin', 'MEMBER') $$;

CREATE FUNCTION keqing_manages(who name, rep text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT EXISTS (SELECT 1 FROM reps r JOIN team_managers m ON m.team = r.team WHERE r.id = rep AND m.login = who) $$;

-- The customers a rep or manager `who` may see. An admin's rows are let through by the policies' own
-- keqing_is_admin test, written as a scalar subquery so that it runs once per statement, not per row.
CREATE FUNCTION keqing_visible(who name) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
        SELECT customer_id FROM assignments WHERE rep_id = who
        UNION SELECT a.customer_id FROM assignments a JOIN reps r ON r.id = a.rep_id
              JOIN team_managers m ON m.team = r.team WHERE m.login = who
    $$;

-- Whether `who` may log contacts for (and record people and life events of) a customer: an admin any; a
-- rep or manager one whose assignment in effect today (the server's date) is to that rep or to a rep of a
-- team it manages. One index lookup per row written.
CREATE FUNCTION keqing_may_log(who name, customer integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
        SELECT keqing_is_admin(who) OR EXISTS (
            SELECT 1 FROM (SELECT rep_id FROM assignments WHERE customer_id = customer
                             AND effective_from <= to_char(current_date, 'YYYY-MM-DD')
                           ORDER BY effective_from DESC LIMIT 1) today
            WHERE today.rep_id = who OR keqing_manages(who, today.rep_id))
    $$;

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON customers FOR SELECT USING (id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_admin ON customers USING ((SELECT keqing_is_admin(current_user)));

ALTER TABLE tier_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON tier_history FOR SELECT USING (customer_id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_admin ON tier_history USING ((SELECT keqing_is_admin(current_user)));

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON assignments FOR SELECT USING (customer_id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_admin ON assignments USING ((SELECT keqing_is_admin(current_user)));

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON contacts FOR SELECT USING (
    (SELECT keqing_is_admin(current_user)) OR customer_id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_log ON contacts FOR INSERT WITH CHECK (
    keqing_may_log(current_user, customer_id)
    AND (rep_id = current_user OR (SELECT keqing_is_admin(current_user)) OR keqing_manages(current_user, rep_id)));
-- Voiding is the only change to a contact (UPDATE is granted on voided_at and void_reason alone), and it is
-- final: a voided contact is not updated again.
CREATE POLICY keqing_void ON contacts FOR UPDATE USING (
    voided_at IS NULL AND ((SELECT keqing_is_admin(current_user))
        OR customer_id IN (SELECT keqing_visible(current_user))
           AND (rep_id = current_user OR keqing_manages(current_user, rep_id))))
    WITH CHECK (voided_at IS NOT NULL);

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON people FOR SELECT USING (
    (SELECT keqing_is_admin(current_user)) OR customer_id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_add ON people FOR INSERT WITH CHECK (keqing_may_log(current_user, customer_id));
CREATE POLICY keqing_edit ON people FOR UPDATE USING (keqing_may_log(current_user, customer_id));

ALTER TABLE life_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON life_events FOR SELECT USING (
    (SELECT keqing_is_admin(current_user)) OR customer_id IN (SELECT keqing_visible(current_user)));
CREATE POLICY keqing_add ON life_events FOR INSERT WITH CHECK (keqing_may_log(current_user, customer_id));

ALTER TABLE team_managers ENABLE ROW LEVEL SECURITY;
CREATE POLICY keqing_see ON team_managers FOR SELECT USING (login = current_user OR (SELECT keqing_is_admin(current_user)));
CREATE POLICY keqing_admin ON team_managers USING ((SELECT keqing_is_admin(current_user)));

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO keqing_admin, keqing_manager, keqing_rep', current_schema());
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO keqing_admin, keqing_manager, keqing_rep',
                   current_schema());
END $$;
GRANT SELECT ON reps, customers, tier_history, assignments, contacts, people, life_events, team_managers,
    keqing_schema TO keqing_admin, keqing_manager, keqing_rep;
GRANT INSERT, UPDATE ON reps, customers, tier_history, assignments, team_managers TO keqing_admin;
GRANT DELETE ON team_managers TO keqing_admin;
GRANT INSERT, UPDATE (voided_at, void_reason) ON contacts TO keqing_admin, keqing_manager, keqing_rep;
GRANT INSERT, UPDATE ON people TO keqing_admin, keqing_manager, keqing_rep;
GRANT INSERT ON life_events TO keqing_admin, keqing_manager, keqing_rep;
-- @end
