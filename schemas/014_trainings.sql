-- keqing schema version 14: training records (R11: 药品知识或药店营销知识培训 given at a customer): the topic,
-- the day, who gave it, whether in person, and which of the customer's people attended. R11 counts them
-- (compliance/goals.cpp) beside contacts logged with --training. A record is removed with a reason, never
-- deleted, as people and life events are.
CREATE TABLE trainings (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    rep_id         TEXT NOT NULL REFERENCES reps(id), -- who gave it
    held_on        TEXT NOT NULL,                     -- YYYY-MM-DD
    topic          TEXT NOT NULL,
    in_person      INTEGER NOT NULL DEFAULT 1,        -- 0: by video, phone …
    attendees      TEXT NOT NULL DEFAULT '',          -- ids of the customer's people who attended: "12,15"
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,                     -- YYYY-MM-DDTHH:MM
    removed_at     TEXT,
    removed_reason TEXT
) STRICT;
CREATE INDEX trainings_customer ON trainings(customer_id, held_on);
-- @postgresql
ALTER TABLE keqing.trainings ALTER COLUMN id TYPE bigint, ALTER COLUMN customer_id TYPE bigint,
    ALTER COLUMN id SET GENERATED ALWAYS;
REVOKE ALL ON keqing.trainings FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.trainings ENABLE ROW LEVEL SECURITY;

-- The trainings the session sees: those at its customers (as people(): one customer at a time).
CREATE FUNCTION keqing_api.trainings() RETURNS SETOF keqing.trainings
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT t.* FROM keqing.trainings t;
    ELSE
        RETURN QUERY SELECT t.* FROM keqing_private.visible_ids() AS v(id)
            CROSS JOIN LATERAL (SELECT x.* FROM keqing.trainings x WHERE x.customer_id = v.id OFFSET 0) t;
    END IF;
END $$;

-- Records a training at a customer the session may write for, given by `rep` (its login, or a rep it
-- manages), on or before the server's today, attended by people of that customer (`attendees`: their ids,
-- comma-separated). Returns its id.
CREATE FUNCTION keqing_api.add_training(customer_id bigint, rep text, held_on text, topic text,
                                        in_person boolean, attendees text, note text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
BEGIN
    IF coalesce(topic, '') = '' OR NOT keqing_private.is_day(coalesce(held_on, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a training needs a topic and a day written YYYY-MM-DD';
    END IF;
    IF held_on > keqing_private.today() THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('a training dated %s is after the server''s today (%s)', held_on,
                                        keqing_private.today());
    END IF;
    IF add_training.customer_id IS NULL OR add_training.rep IS NULL
       OR NOT keqing_private.may_write(add_training.customer_id, add_training.rep) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages, or %s '
                                        'is neither %s nor a rep it manages', add_training.customer_id,
                                        session_user, add_training.rep, session_user);
    END IF;
    IF coalesce(attendees, '') !~ '^([0-9]+(,[0-9]+)*)?$'
       OR EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_catalog.string_to_array(nullif(attendees, ''), ',')) AS a(id)
                   WHERE NOT EXISTS (SELECT 1 FROM keqing.people p
                                      WHERE p.customer_id = add_training.customer_id AND p.id + 0 = a.id::bigint)) THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('attendees %L are not all people of customer #%s', attendees,
                                        add_training.customer_id);
    END IF;
    INSERT INTO keqing.trainings AS t (customer_id, rep_id, held_on, topic, in_person, attendees, note, created_at)
    VALUES (add_training.customer_id, add_training.rep, add_training.held_on, add_training.topic,
            coalesce(add_training.in_person, true)::integer, coalesce(add_training.attendees, ''),
            coalesce(add_training.note, ''), keqing_private.local_now())
    RETURNING t.id INTO new_id;
    RETURN new_id;
END $$;

-- Marks training `training_id` removed with a reason, at a customer the session may write for (looked for
-- among its own customers' trainings only: a hidden one is "no training").
CREATE FUNCTION keqing_api.remove_training(training_id bigint, reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item record;
BEGIN
    IF coalesce(reason, '') = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'a removal needs a reason';
    END IF;
    SELECT t.customer_id, t.removed_at INTO item FROM keqing_api.trainings() t WHERE t.id = training_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = pg_catalog.format('no training #%s', training_id);
    END IF;
    IF NOT keqing_private.may_write(item.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        item.customer_id, session_user);
    END IF;
    IF item.removed_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('training #%s was removed already', training_id);
    END IF;
    UPDATE keqing.trainings t SET removed_at = keqing_private.local_now(), removed_reason = reason
     WHERE t.id = training_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.trainings(),
    keqing_api.add_training(bigint, text, text, text, boolean, text, text),
    keqing_api.remove_training(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.trainings(),
    keqing_api.add_training(bigint, text, text, text, boolean, text, text),
    keqing_api.remove_training(bigint, text) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
