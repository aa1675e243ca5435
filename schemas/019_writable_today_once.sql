-- keqing schema version 19: the customers a session may write for, with today's date asked for once
-- (issue 23 target 3). SQLite, one person's file, has nothing to change. On PostgreSQL, writable_ids()
-- (every contact a rep or manager logs is checked against it) called keqing_private.today() — and with it
-- zone(), a read of the settings — once per customer the session sees, a hundred calls for one rep's
-- log-visit; as a scalar subquery the date is worked out once per call. The same customers, the same
-- hardening (SECURITY DEFINER, the search path pinned, every name qualified; CREATE OR REPLACE keeps the
-- grants).
-- @postgresql
CREATE OR REPLACE FUNCTION keqing_private.writable_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(array_agg(v.id), '{}') FROM keqing_private.visible_ids() AS v(id)
           CROSS JOIN LATERAL (SELECT a.rep_id FROM keqing.assignments a
                                WHERE a.customer_id = v.id AND a.effective_from <= (SELECT keqing_private.today())
                                ORDER BY a.effective_from DESC LIMIT 1) now_assigned
          WHERE now_assigned.rep_id = session_user::text OR keqing_private.manages(now_assigned.rep_id) $$;
-- @end
