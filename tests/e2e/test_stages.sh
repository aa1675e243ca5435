# End-to-end: relationship stages and training records (issue 18 items 5 and 6). Stages come from the
# rules' list (seed 000: 突破期 … 暂停期): older files' words import through the aliases, a change is dated and
# kept as history (the card shows the stage since when, and every step), anything else is refused with the
# list and changes nothing, and `report --by stage` groups customers by the stage at each month's end.
# Trainings (R11) are recorded with their attendees, shown on the card, counted by R11 and removed with a
# reason. On a team server a rep neither reads nor writes another rep's customers' stages and trainings.
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T18:00 KEQING_REP=wang
roster rep import "$SRC/examples/reps.csv" >/dev/null || { echo "could not load reps"; exit 1; }
roster import "$SRC/examples/customers.csv" >/dev/null || { echo "could not load customers (stage aliases)"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null || { echo "could not load people"; exit 1; }

# --- The examples' words (key, stable, developing …) are the built-in stages' aliases: stored as ids.
run roster list --format csv
expect_out "HZ001,康泰大药房,A,wang,2025-06-27,,0571-83572301,杭州市萧山区北干路151号,harvest" "'key' is stored as harvest"
[ "$(db_query "SELECT count(*) FROM stage_history WHERE stage NOT IN ('breakthrough', 'consolidation', 'growth', 'harvest')")" = 0 ] &&
  pass || fail "every imported stage is an id of the rules"

# --- A dated change; the card shows the stage in effect on its day, since when, and the history.
run roster stage HZ001 防御期 --from 2026-11-16
expect_rc 0 "roster stage"; expect_out "HZ001 康泰大药房: stage 防御期 from 2026-11-16" "roster stage says what it did"
run roster show HZ001 --as-of 2026-11-20
expect_out "stage 防御期 since 2026-11-16" "the card: the stage since when"
expect_out "stages   收获期 from 2025-06-27; 防御期 from 2026-11-16" "the card: the stage history"
run roster show HZ001 --as-of 2026-11-10; expect_out "stage 收获期 since 2025-06-27" "the card on an earlier day"
run roster stage HZ001 defense --from 2026-11-18
expect_out "HZ001 is already in stage 防御期 on 2026-11-18 (since 2026-11-16); nothing changed" "the same stage writes nothing"
run roster stage HZ001 growth --from 2026-11-16; expect_rc 0 "a second change on one day"
[ "$(db_query "SELECT stage FROM stage_history WHERE customer_id = (SELECT id FROM customers WHERE code = 'HZ001')
  AND effective_from = '2026-11-16'")" = growth ] && pass || fail "a same-day change replaces the first"
run roster stage HZ001 防御期 --from 2026-11-16; expect_rc 0 "back to 防御期"
run roster edit HZ004 --stage 冬眠期; expect_rc 0 "roster edit --stage"
run roster show HZ004; expect_out "stage 冬眠期 since 2026-11-20" "edit --stage takes effect today"
run roster stage HZ007 paused --from 2026-11-05 --dry-run
expect_out "would set HZ007" "--dry-run says what it would do"
run roster show HZ007; expect_no_out "暂停期" "--dry-run stores nothing"

# --- Values not in the list: one line naming the stages, exit 3, nothing changed.
allowed="the rules define breakthrough (突破期), consolidation (巩固期), growth (成长期), harvest (收获期), defense (防御期), hibernation (冬眠期), paused (暂停期)"
expect_rejected 3 "unknown relationship stage 'foo' for --stage; $allowed" "roster stage foo" roster stage HZ001 foo
expect_rejected 3 "unknown relationship stage 'foo' for --stage" "roster edit --stage foo" roster edit HZ001 --stage foo --phone 1
expect_rejected 3 "unknown relationship stage '成长'" "roster add --stage 成长" roster add HZ950 新店 --tier C --stage 成长
printf 'code,name,tier,rep,stage\nHZ951,新店,C,wang,growth\nHZ952,又一店,C,wang,foo\n' >"$WORK/bad.csv"
expect_rejected 3 "bad.csv:3" "an import with an unknown stage loads nothing" roster import "$WORK/bad.csv"
[ "$(wc -l <"$WORK/err")" = 1 ] && pass || fail "one stderr line"
# An import changes a stage as it changes a tier: with --update and --from.
printf 'code,name,tier,rep,stage\nHZ002,老百姓大药房(解放路店),A,li,突破期\n' >"$WORK/up.csv"
expect_rejected 3 "changes its stage; say from which day with --from" "a stage change needs --from" \
  roster import "$WORK/up.csv" --update
run roster import "$WORK/up.csv" --update --from 2026-11-01; expect_rc 0 "import: a stage from --from"
run roster list --as-of 2026-11-20 --format json; expect_out '"code": "HZ002"' "list json"
grep -q '"code": "HZ002".*"stage": "breakthrough"' "$WORK/out" && pass || fail "the imported stage is in effect"

# --- report --by stage: customer-months by the stage at the month's end (as-of within it).
run report --month 2026-11 --as-of 2026-11-20 --by stage --format json; expect_rc 0 "report --by stage"
/usr/bin/python3 - "$WORK/out" <<'EOF' && pass || fail "report --by stage rows"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["by"] == "stage", r["by"]
rows = {row["key"]: row for row in r["rows"]}
assert rows["defense"]["label"] == "防御期" and rows["defense"]["customer_months"] == 1, rows.get("defense")
assert rows["hibernation"]["customer_months"] == 1 and rows["breakthrough"]["customer_months"] >= 1, rows.keys()
assert sum(row["customer_months"] for row in r["rows"]) == r["summary"]["customer_months"]
EOF
run report --month 2026-11 --as-of 2026-11-20 --by stage; expect_out "By stage" "report table by stage"

# --- Trainings (R11): wang's A customer HZ001 (张丽 works there).
run check-quota --rep wang --as-of 2026-11-20; expect_out "R11 formal training at A customers   0/1" "R11 before"
run roster training add HZ001 --topic 新品药品知识 --date 2026-11-18 --attendee 张丽 --note 五人
expect_rc 0 "training add"; expect_out "recorded training #1 at HZ001 on 2026-11-18 by wang: 新品药品知识 (in person, 1 attendee(s))" "training add says what"
run roster training add HZ001 --topic 营销 --date 2026-11-19 --remote; expect_rc 0 "a remote training"
run roster training list HZ001 --format csv
expect_out "1,HZ001,2026-11-18,wang,新品药品知识,yes,张丽,五人" "training list csv"
expect_out "2,HZ001,2026-11-19,wang,营销,no,," "a remote training without attendees"
run roster show HZ001 --as-of 2026-11-20
expect_out "#1 2026-11-18 新品药品知识 · in person · wang · 张丽" "the card shows trainings"
run check-quota --rep wang --as-of 2026-11-20; expect_out "R11 formal training at A customers   1/1  met" "R11 counts the record"
expect_rejected 3 "--attendee '王五' is no person at HZ001" "an attendee not on file" \
  roster training add HZ001 --topic x --attendee 王五
expect_rejected 3 "is in the future" "a training in the future" roster training add HZ001 --topic x --date 2026-11-21
expect_rejected 2 "--topic" "a training needs a topic" roster training add HZ001
expect_rejected 2 "--reason" "a removal needs a reason" roster training remove 1
expect_rejected 3 "no training #99" "an unknown training" roster training remove 99 --reason x
run roster training remove 1 --reason 记错了; expect_out "removed training #1 at HZ001 on 2026-11-18 (记错了)" "remove"
run check-quota --rep wang --as-of 2026-11-20 --format json
expect_out "(training #2 is not in person)" "R11: a remote training does not count and says why"
expect_rejected 3 "was already removed" "a removal is final" roster training remove 1 --reason again
run roster training list --from 2026-11-01 --to 2026-11-30 --removed; expect_out "[removed: 记错了]" "list --removed"

if [ "$BACKEND" = postgresql ]; then
  # A rep sees and changes its own customers' stages and trainings only (HZ002 is li's).
  pg_role wang keqing_rep
  pg_role li keqing_rep
  hz2=$(db_query "SELECT id FROM customers WHERE code = 'HZ002'")
  snapshot
  psql_as wang "SELECT count(*) FROM keqing_api.stage_history() WHERE customer_id = $hz2"
  [ "$(out)" = 0 ] && pass || fail "wang reads no stage of li's customer: $(out)"
  psql_as wang "SELECT keqing_api.set_stage($hz2, 'paused', '2026-11-20')"
  [ "$rc" -ne 0 ] && grep -qF "is not assigned today to wang" "$WORK/err" && pass || fail "wang sets no stage of li's customer"
  psql_as wang "SELECT keqing_api.add_training($hz2, 'wang', '2026-11-19', 'x', true, '', '')"
  [ "$rc" -ne 0 ] && pass || fail "wang records no training at li's customer"
  psql_as wang "SELECT keqing_api.add_training($hz2, 'li', '2026-11-19', 'x', true, '', '')"
  [ "$rc" -ne 0 ] && pass || fail "wang records no training in li's name"
  psql_as li "SELECT keqing_api.remove_training(2, 'x')"
  [ "$rc" -ne 0 ] && grep -qF "no training #2" "$WORK/err" && pass || fail "li cannot find wang's training"
  psql_as li "SELECT count(*) FROM keqing.trainings"
  [ "$rc" -ne 0 ] && pass || fail "a rep reads no trainings table"
  expect_unchanged "the refused calls change nothing"
  run as li roster training list --from 2026-11-01 --to 2026-11-30; expect_no_out "HZ001" "li lists no training of wang's"
  run as wang roster stage HZ001 成长期 --from 2026-11-20; expect_rc 0 "wang changes its customer's stage through keqing_api"
  run as wang roster training add HZ001 --topic 药品知识 --date 2026-11-20 --attendee 张丽
  expect_rc 0 "wang records a training through keqing_api"
  expect_rejected 3 "unknown customer 'HZ002'" "wang: no stage change at li's customer" as wang roster stage HZ002 paused
fi
finish
