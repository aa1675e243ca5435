-- keqing schema version 12: the steps of a follow-up item (issue 18 item 2): a complaint (seed 002) is
-- recorded by a contact, then judged (判定), given a responsible department (责任部门), a remedy (方案), an
-- approval (批示), the customer notified (通知), the remedy carried out (实施) and summed up (总结) — each
-- step dated, with what was decided. The steps and their order are the rules' ([[followup]] steps); the
-- last one closes the item as done.
CREATE TABLE followup_steps (
    id          INTEGER PRIMARY KEY,
    followup_id INTEGER NOT NULL REFERENCES followups(id),
    step        TEXT NOT NULL,              -- a step of its kind in the rules: 判定, 责任部门 …
    done_on     TEXT NOT NULL,              -- YYYY-MM-DD
    note        TEXT NOT NULL,              -- what was decided: the department, the remedy, who approved …
    created_at  TEXT NOT NULL,              -- YYYY-MM-DDTHH:MM
    UNIQUE (followup_id, step)
) STRICT;
-- @postgresql
ALTER TABLE keqing.followup_steps ALTER COLUMN id TYPE bigint, ALTER COLUMN followup_id TYPE bigint,
    ALTER COLUMN id SET GENERATED ALWAYS;
REVOKE ALL ON keqing.followup_steps FROM PUBLIC, keqing_admin, keqing_manager, keqing_rep;
ALTER TABLE keqing.followup_steps ENABLE ROW LEVEL SECURITY;

-- The steps the session sees: those of its customers' follow-ups.
CREATE FUNCTION keqing_api.followup_steps() RETURNS SETOF keqing.followup_steps
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF keqing_private.unrestricted() THEN
        RETURN QUERY SELECT s.* FROM keqing.followup_steps s;
    ELSE
        RETURN QUERY SELECT s.* FROM keqing_api.followups() f
            JOIN keqing.followup_steps s ON s.followup_id = f.id;
    END IF;
END $$;

-- Records step `step` of open follow-up `followup_id` (one of the session's customers', which it may write
-- for; a hidden one is "no follow-up") on `done_on`, not before it was opened nor before its last step, each
-- step once. `closes`: the step is its kind's last, the item is done that day. Returns the new step's id.
CREATE FUNCTION keqing_api.add_followup_step(followup_id bigint, step text, note text, done_on text,
                                             closes boolean) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    item record;
    last_day text;
    new_id bigint;
BEGIN
    IF coalesce(step, '') = '' OR coalesce(note, '') = '' OR NOT keqing_private.is_day(coalesce(done_on, '')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'a step needs a name, a note and a day written YYYY-MM-DD';
    END IF;
    SELECT f.customer_id, f.status, f.opened_on INTO item FROM keqing_api.followups() f
     WHERE f.id = add_followup_step.followup_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no follow-up #%s', add_followup_step.followup_id);
    END IF;
    IF NOT keqing_private.may_write(item.customer_id, session_user::text) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('customer #%s is not assigned today to %s or to a rep it manages',
                                        item.customer_id, session_user);
    END IF;
    IF item.status <> 'open' THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('follow-up #%s is closed already (%s)', add_followup_step.followup_id,
                                        item.status);
    END IF;
    SELECT max(s.done_on) INTO last_day FROM keqing.followup_steps s
     WHERE s.followup_id = add_followup_step.followup_id;
    IF done_on < item.opened_on OR done_on < coalesce(last_day, '') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('follow-up #%s has a step or was opened after %s',
                                        add_followup_step.followup_id, done_on);
    END IF;
    INSERT INTO keqing.followup_steps AS s (followup_id, step, done_on, note, created_at)
    VALUES (add_followup_step.followup_id, add_followup_step.step, add_followup_step.done_on,
            add_followup_step.note, keqing_private.local_now())
    RETURNING s.id INTO new_id;
    IF closes THEN
        UPDATE keqing.followups f SET status = 'done', closed_on = add_followup_step.done_on,
               reason = add_followup_step.note
         WHERE f.id = add_followup_step.followup_id;
    END IF;
    RETURN new_id;
END $$;

SELECT keqing_private.pin_planner();
REVOKE ALL ON FUNCTION keqing_api.followup_steps(),
    keqing_api.add_followup_step(bigint, text, text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION keqing_api.followup_steps(),
    keqing_api.add_followup_step(bigint, text, text, text, boolean) TO keqing_admin, keqing_manager, keqing_rep;
-- @end
