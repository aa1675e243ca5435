-- keqing schema version 13: relationship stages (seed 000's 客户关系周期: 突破期, 巩固期, 成长期, 收获期,
-- 防御期, 冬眠期, 暂停期) with effective-dated history, like tiers: the stage in effect on day D is the row
-- with the latest effective_from <= D, else the earliest ('0001-01-01' = since the customer's start). The
-- stages are the rules' ([[stage]]); the row holds a stage id.
-- Up to schema 12 the stage was a free-text column of customers. Each non-empty value becomes the first
-- entry of its customer's history, from its opening day: the built-in stages' names and ids, and the words
-- keqing's help suggested (prospect, new, developing, stable, key), are mapped to the built-in ids; any
-- other text is kept as written (shown as not a stage of the rules, never lost). The column stays as it was
-- and is no longer read or written.
CREATE TABLE stage_history (
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    stage          TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (customer_id, effective_from)
) STRICT, WITHOUT ROWID;
INSERT INTO stage_history (customer_id, stage, effective_from, recorded_at)
SELECT id,
       CASE lower(trim(stage))
           WHEN 'breakthrough' THEN 'breakthrough' WHEN '突破期' THEN 'breakthrough' WHEN 'prospect' THEN 'breakthrough'
           WHEN 'consolidation' THEN 'consolidation' WHEN '巩固期' THEN 'consolidation' WHEN 'new' THEN 'consolidation'
           WHEN 'growth' THEN 'growth' WHEN '成长期' THEN 'growth' WHEN 'developing' THEN 'growth'
           WHEN 'harvest' THEN 'harvest' WHEN '收获期' THEN 'harvest' WHEN 'stable' THEN 'harvest'
           WHEN 'key' THEN 'harvest'
           WHEN 'defense' THEN 'defense' WHEN '防御期' THEN 'defense'
           WHEN 'hibernation' THEN 'hibernation' WHEN '冬眠期' THEN 'hibernation'
           WHEN 'paused' THEN 'paused' WHEN '暂停期' THEN 'paused'
           ELSE trim(stage)
       END,
       coalesce(opened_on, '0001-01-01'), created_at
  FROM customers WHERE trim(stage) <> '';
-- @postgresql
ALTER TABLE keqing.stage_history ALTER COLUMN customer_id TYPE bigint;
REVOKE ALL ON keqing.stage_history FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.stage_history ENABLE ROW LEVEL SECURITY;

-- The stage history of the customers the session sees (as tier_history(): one customer at a time).
CREATE FUNCTION keqing_api.stage_history() RETURNS SETOF keqing.stage_history
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT s.* FROM keqing.stage_history s;
    ELSE
        RETURN QUERY SELECT s.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.stage_history x WHERE x.customer_id = v.id OFFSET 0) s;
    END IF;
END $$;

-- Records a customer's stage from a day on (a second change on the same day replaces the first), for a
-- customer the session may write for: the rep assigned today knows the relationship, its manager and an
-- admin too. A hidden customer is refused as one not assigned to the session. The stage is checked against
-- the rules by keqing (the rules are the client's file), here only that it is one line of text.
CREATE FUNCTION keqing_api.set_stage(customer_id bigint, stage text, from_day text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF coalesce(stage, '') = '' OR pg_catalog.strpos(stage, pg_catalog.chr(10)) > 0
       OR pg_catalog.length(stage) > 100 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a stage is one line of text';
    END IF;
    IF NOT keqing_private.is_day(coalesce(from_day, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format',
            MESSAGE = 'the day a stage takes effect is written YYYY-MM-DD';
    END IF;
    IF set_stage.customer_id IS NULL OR NOT keqing_private.may_write(set_stage.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        set_stage.customer_id, session_user);
    END IF;
    INSERT INTO keqing.stage_history AS s (customer_id, stage, effective_from, recorded_at)
    VALUES (set_stage.customer_id, set_stage.stage, from_day, keqing_private.local_now())
    ON CONFLICT ON CONSTRAINT stage_history_pkey DO UPDATE SET stage = excluded.stage, recorded_at = excluded.recorded_at;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.stage_history(), keqing_api.set_stage(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.stage_history(), keqing_api.set_stage(bigint, text, text)
    TO keqing_admin, keqing_manager, keqing_rep;
-- @end
