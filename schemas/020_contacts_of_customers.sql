-- keqing schema version 20: one rep's passes over contacts, its tagged contacts and its goals' contacts,
-- read for the customers asked for only (issue 23 target 3). SQLite, one person's file, has nothing to change. On PostgreSQL, a
-- pass over a rep's contacts through keqing_api read contacts(): every contact of every customer the session
-- sees on those days, each whole (24 columns), into the function's result before the caller kept those of
-- its customers and seven columns — and the earlier days of a file's intel window, now read only for the
-- customers without intel in its last ones, would have read everyone's again. The tagged contacts (the
-- occasions' proof) were read the same way and the untagged ones dropped after; and a rep's goals asked for
-- the ids of every contact the rep logged that month, through every customer the session sees, to learn
-- that the pass over its own customers had seen them all.
-- - contact_facts(): the unvoided contacts of the days, as a pass reads them (its seven columns), of the
--   customers `of_ids` among those the session sees.
-- - tagged_contacts(): the tagged contacts of the days, whole, of the customers `of_ids` among those the
--   session sees, through contacts_tagged_customer.
-- - contact_ids_elsewhere(): what schema 17's contact_ids_of_reps() answers, less the contacts at the
--   customers `seen` (a pass's), whose contacts are not read: for a rep, all it sees.
-- Each narrows the session's own customers to those asked for (or not seen) before reading any contact, so
-- that a hidden customer's id finds nothing, at the cost of one that exists nowhere; an unrestricted session
-- (an admin) reads the table for those ids. The same hardening as schema 6: SECURITY DEFINER, the search
-- path pinned to pg_catalog with pg_temp last, every name qualified, the planner's settings pinned
-- (pin_planner), EXECUTE granted to the keqing groups alone.
-- @postgresql
CREATE FUNCTION keqing_api.contact_facts(from_day text, to_day text, of_ids bigint[])
    RETURNS TABLE (customer_id bigint, channel text, rep_id text, flags integer, lag integer, happened_on text,
                   id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 1000 SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.customer_id, k.channel, k.rep_id, k.flags, k.lag, k.happened_on, k.id
            FROM keqing.contacts k
           WHERE k.customer_id = ANY (of_ids) AND k.happened_on BETWEEN from_day AND to_day
             AND k.voided_at IS NULL;
    ELSE
        RETURN QUERY SELECT k.customer_id, k.channel, k.rep_id, k.flags, k.lag, k.happened_on, k.id
            FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.customer_id, x.channel, x.rep_id, x.flags, x.lag, x.happened_on, x.id
                                  FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on BETWEEN from_day AND to_day
                                   AND x.voided_at IS NULL OFFSET 0) k
           WHERE v.id = ANY (of_ids);
    END IF;
END $$;

CREATE FUNCTION keqing_api.tagged_contacts(from_day text, to_day text, of_ids bigint[])
    RETURNS SETOF keqing.contacts
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100 SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.* FROM keqing.contacts k
           WHERE k.customer_id = ANY (of_ids) AND k.happened_on BETWEEN from_day AND to_day AND k.occasion <> '';
    ELSE
        RETURN QUERY SELECT k.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on BETWEEN from_day AND to_day
                                   AND x.occasion <> '' OFFSET 0) k
           WHERE v.id = ANY (of_ids);
    END IF;
END $$;

CREATE FUNCTION keqing_api.contact_ids_elsewhere(from_day text, to_day text, reps text[], seen bigint[])
    RETURNS SETOF bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100 SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT k.id FROM keqing.contacts k
            WHERE k.rep_id = ANY (reps) AND k.happened_on BETWEEN from_day AND to_day AND k.voided_at IS NULL
              AND k.customer_id <> ALL (seen);
    ELSE
        RETURN QUERY SELECT k.id FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.id, x.rep_id, x.voided_at FROM keqing.contacts x
                                 WHERE x.customer_id = v.id AND x.happened_on BETWEEN from_day AND to_day OFFSET 0) k
           WHERE v.id <> ALL (seen) AND k.rep_id = ANY (reps) AND k.voided_at IS NULL;
    END IF;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.contact_facts(text, text, bigint[]),
    keqing_api.tagged_contacts(text, text, bigint[]),
    keqing_api.contact_ids_elsewhere(text, text, text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.contact_facts(text, text, bigint[]),
    keqing_api.tagged_contacts(text, text, bigint[]),
    keqing_api.contact_ids_elsewhere(text, text, text[], bigint[]) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
