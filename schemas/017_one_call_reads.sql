-- keqing schema version 17: one rep's reads on a team server in fewer, warmer calls (issue 23 target 3).
-- SQLite, one person's file, has nothing to change. On PostgreSQL a rep's command connects anew each time,
-- and its new backend meets each keqing_api function cold: one rep's check-quota called them 25 times,
-- customers(), tier_history() and assignments() four times for the month's customers alone, reps() (every
-- rep of the company) to find one. Each new read below answers what several calls answered, with the same
-- scope (keqing_private.visible_ids(), the session's own login) and the same hardening as schema 6: SECURITY
-- DEFINER, the search path pinned to pg_catalog with pg_temp last, every name qualified, the planner's
-- settings pinned (pin_planner), EXECUTE granted to the keqing groups alone. Their arguments only narrow
-- what the session sees, never widen it: a hidden customer's id or another rep's name finds nothing, at
-- the cost of one that exists nowhere — each reads through the session's own customers, one at a time,
-- and tests a rep's name only on the rows read (behind OFFSET 0): a condition the planner could push into
-- the read would be planned from the statistics of every row (a rep's name with contacts hidden from the
-- session read through contacts_customer, one with none through contacts_rep, at another count of
-- buffers).
-- @postgresql

-- visible_ids() as plpgsql: its query is planned once per session and the plan kept; as SQL it was planned
-- again at every call of every API read. The same customers.
CREATE OR REPLACE FUNCTION keqing_private.visible_ids() RETURNS SETOF bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100 SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RETURN QUERY SELECT a.customer_id FROM keqing.assignments a WHERE a.rep_id = session_user::text
                 UNION
                 SELECT a.customer_id FROM keqing.team_managers m JOIN keqing.reps r ON r.team = m.team
                        JOIN keqing.assignments a ON a.rep_id = r.id
                  WHERE m.login = session_user::text;
END $$;

-- The reps named `ids` (the company's directory, as reps(), which every keqing role reads): one rep found
-- without reading the other 2,000.
CREATE FUNCTION keqing_api.reps_named(ids text[]) RETURNS SETOF keqing.reps
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT r.* FROM keqing.reps r WHERE r.id = ANY (ids) $$;

-- The customers the session sees, each with every pair of its tier and rep history entries (NULLs when it
-- has none): what customers(), tier_history() and assignments() joined gave, in one call. `of_rep` keeps
-- those ever assigned to that rep, `of_ids` those with these ids, `of_code` the one with that code; NULL
-- keeps all.
CREATE FUNCTION keqing_api.customer_histories(of_rep text, of_ids bigint[], of_code text)
    RETURNS TABLE (id bigint, code text, name text, opened_on text, closed_on text, phone text, address text,
                   stage text, tier text, tier_from text, rep_id text, rep_from text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 200 SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT keqing_private.unrestricted() THEN
        RETURN QUERY SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
                            t.tier, t.effective_from, a.rep_id, a.effective_from
            FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.customers x WHERE x.id = v.id OFFSET 0) c
            LEFT JOIN LATERAL (SELECT x.tier, x.effective_from FROM keqing.tier_history x
                                WHERE x.customer_id = v.id OFFSET 0) t ON true
            LEFT JOIN LATERAL (SELECT x.rep_id, x.effective_from FROM keqing.assignments x
                                WHERE x.customer_id = v.id OFFSET 0) a ON true
           WHERE (of_ids IS NULL OR v.id = ANY (of_ids)) AND (of_code IS NULL OR c.code = of_code)
             AND (of_rep IS NULL OR EXISTS (SELECT 1 FROM (SELECT x.rep_id FROM keqing.assignments x
                                                            WHERE x.customer_id = v.id OFFSET 0) y
                                             WHERE y.rep_id = of_rep));
    ELSIF of_ids IS NOT NULL THEN
        RETURN QUERY SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
                            t.tier, t.effective_from, a.rep_id, a.effective_from
            FROM keqing.customers c LEFT JOIN keqing.tier_history t ON t.customer_id = c.id
                 LEFT JOIN keqing.assignments a ON a.customer_id = c.id
           WHERE c.id = ANY (of_ids) AND (of_code IS NULL OR c.code = of_code)
             AND (of_rep IS NULL OR c.id IN (SELECT x.customer_id FROM keqing.assignments x WHERE x.rep_id = of_rep));
    ELSIF of_code IS NOT NULL THEN
        RETURN QUERY SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
                            t.tier, t.effective_from, a.rep_id, a.effective_from
            FROM keqing.customers c LEFT JOIN keqing.tier_history t ON t.customer_id = c.id
                 LEFT JOIN keqing.assignments a ON a.customer_id = c.id
           WHERE c.code = of_code
             AND (of_rep IS NULL OR c.id IN (SELECT x.customer_id FROM keqing.assignments x WHERE x.rep_id = of_rep));
    ELSIF of_rep IS NOT NULL THEN
        RETURN QUERY SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
                            t.tier, t.effective_from, a.rep_id, a.effective_from
            FROM keqing.customers c LEFT JOIN keqing.tier_history t ON t.customer_id = c.id
                 LEFT JOIN keqing.assignments a ON a.customer_id = c.id
           WHERE c.id IN (SELECT x.customer_id FROM keqing.assignments x WHERE x.rep_id = of_rep);
    ELSE
        RETURN QUERY SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage,
                            t.tier, t.effective_from, a.rep_id, a.effective_from
            FROM keqing.customers c LEFT JOIN keqing.tier_history t ON t.customer_id = c.id
                 LEFT JOIN keqing.assignments a ON a.customer_id = c.id;
    END IF;
END $$;

-- The ids of the contacts the session sees that the reps `reps` logged from `from_day` through `to_day`,
-- voided ones left out: what contacts() read twice, whole, to compare with a month's pass.
CREATE FUNCTION keqing_api.contact_ids_of_reps(from_day text, to_day text, reps text[]) RETURNS SETOF bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.id FROM keqing.contacts k
            WHERE k.rep_id = ANY (reps) AND k.happened_on BETWEEN from_day AND to_day AND k.voided_at IS NULL;
    ELSE
        RETURN QUERY SELECT k.id FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.id, x.rep_id, x.voided_at FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on BETWEEN from_day AND to_day OFFSET 0) k
           WHERE k.rep_id = ANY (reps) AND k.voided_at IS NULL;
    END IF;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.reps_named(text[]), keqing_api.customer_histories(text, bigint[], text),
    keqing_api.contact_ids_of_reps(text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.reps_named(text[]), keqing_api.customer_histories(text, bigint[], text),
    keqing_api.contact_ids_of_reps(text, text, text[]) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
