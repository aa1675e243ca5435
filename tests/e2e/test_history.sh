# End-to-end: the contact history and taking things back (issue 20 items 3 and 4) — log-visit --list by
# customer, rep, team, range, channel and occasion as table / CSV / JSON, voided contacts marked, the CSV
# imported again into a new database unchanged; log-visit --undo and its window; roster person / event
# remove (kept, obligation withdrawn); --dry-run on every roster change leaving every row as it was.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang

# --- history: filters and formats
run log-visit --list HZ001 --from 2026-11-19
expect_rc 0 "list a customer's contacts"
expect_out "2026-11-19  09:22  HZ001       visit        wang                        沟通双十二促销" "a table row"
expect_out "4 contacts from 2026-11-19 to 2026-11-20" "the count line"
run log-visit --list --rep li --from 2026-11-20 --format csv
expect_rc 0 "list by rep"
[ "$(tail -n +2 "$WORK/out" | cut -d, -f5 | sort -u)" = li ] && pass || fail "--rep li lists li's contacts only"
run log-visit --list --team 华东二组 --from 2026-11-20 --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f5 | sort -u | tr '\n' ' ')" = "zhao " ] && pass ||
  fail "--team lists the team's reps' contacts only"
run log-visit --list --call --from 昨天 --format csv
expect_out "HZ001,call,2026-11-20,11:16,wang,电话预约下次拜访" "--call and a spoken --from (昨天)"
[ "$(tail -n +2 "$WORK/out" | cut -d, -f2 | sort -u)" = call ] && pass || fail "--call lists calls only"
[ "$(tail -n +2 "$WORK/out" | cut -d, -f3 | sort -u | head -1)" = 2026-11-19 ] && pass || fail "昨天 is 2026-11-19"
expect_rejected 2 "--from 2026-11-20 is after --to 2026-11-19" "a range backwards" log-visit --list --from 2026-11-20 --to 2026-11-19
expect_rejected 3 "unknown channel 'fax'" "an unknown channel" log-visit --list --channel fax
expect_rejected 3 "unknown customer '同仁堂'" "an unknown customer" log-visit --list 同仁堂
expect_rejected 3 "--team '华南组' has no reps" "an unknown team" log-visit --list --team 华南组
expect_rejected 2 "--from, --to, --team and --format go with --list" "--format without --list" log-visit HZ001 --format csv

# Voided contacts are marked (table, JSON) and left out of the CSV, which an import cannot void.
id=$(db_query "select max(id) from contacts where customer_id = (select id from customers where code = 'HZ001')")
log-visit --void "$id" --reason "logged twice" >/dev/null
run log-visit --list HZ001 --from 2026-11-20
expect_out "voided: logged twice" "a voided contact is marked in the table"
expect_out "(1 voided)" "the count line counts the voided"
run log-visit --list HZ001 --from 2026-11-20 --format json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=[c for c in d["contacts"] if c["voided"]]; assert len(v)==1 and v[0]["void_reason"]=="logged twice" and d["count"]==len(d["contacts"])' "$WORK/out" &&
  pass || fail "the JSON marks the voided contact"
run log-visit --list HZ001 --from 2026-11-20 --format csv
expect_no_out "电话预约下次拜访" "the CSV leaves the voided contact out"

# Export → import round trip: the CSV is exactly --import's format.
log-visit --list --from 2026-11-01 --to 2026-11-20 --format csv >"$WORK/all.csv"
second=$WORK/second.db
if [ "$BACKEND" = postgresql ]; then
  pg_create_db "${PG_DB}_2" || exit 1
  second=$PG_BASE/${PG_DB}_2
  trap 'cleanup; psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS ${PG_DB}_2 WITH (FORCE)" >/dev/null 2>&1' EXIT
fi
KEQING_DB=$second roster rep import "$SRC/examples/reps.csv" >/dev/null 2>&1
KEQING_DB=$second roster import "$SRC/examples/customers.csv" >/dev/null
KEQING_DB=$second run log-visit --import "$WORK/all.csv"
expect_rc 0 "the exported CSV imports into a new database"
expect_out "imported $(($(wc -l <"$WORK/all.csv") - 1)) contacts" "every row imported"
KEQING_DB=$second log-visit --list --from 2026-11-01 --to 2026-11-20 --format csv >"$WORK/again.csv"
cmp -s "$WORK/all.csv" "$WORK/again.csv" && pass || fail "export → import → export gives the same CSV"

# --- undo: the current rep's last contact, within undo_hours, reason "undo"
run log-visit HZ003 --call --note "打错了"
new=$(sed -n 's/^logged #\([0-9]*\):.*/\1/p' "$WORK/out")
run log-visit --undo --dry-run
expect_out "would undo (dry run) #$new: call with HZ003" "undo --dry-run names the contact"
run log-visit --undo
expect_rc 0 "undo"
expect_out "undone #$new: call with HZ003 on 2026-11-20 17:00 by wang" "undo voids the last contact logged"
[ "$(db_query "select void_reason from contacts where id = $new")" = undo ] && pass || fail "the reason is undo"
run log-visit --list HZ003 --from 2026-11-20
expect_out "voided: undo" "the undone contact is marked in the history"
KEQING_REP=li run log-visit --undo
expect_no_out "by wang" "another rep's undo never takes wang's contact"
KEQING_NOW=2099-01-10T09:00 expect_rejected 3 "nothing to undo: wang logged no contact since 2099-01-09T09:00" \
  "undo reaches back undo_hours only" log-visit --undo
expect_rejected 2 "--undo takes no customer" "undo with a customer" log-visit --undo HZ001

# --- removal: kept with the reason, the obligation withdrawn
roster person add HZ002 刘建国 --birthday 1975-11-26 >/dev/null
pid=$(db_query "select max(id) from people")
roster event add HZ002 --kind wedding --date 2026-11-16 --person 刘建国 >/dev/null
eid=$(db_query "select max(id) from life_events")
run check-quota --customer HZ002
expect_out "结婚 · 刘建国  11-16 … 11-23  open" "the wedding is owed"
KEQING_REP=li log-visit HZ002 --visit --date 2026-11-18 --occasion wedding >/dev/null
run log-visit --list --occasion event --format csv
expect_out "HZ002,visit,2026-11-18,,li,,0,event:$eid," "--occasion lists the contacts tagged for it"
[ "$(wc -l <"$WORK/out")" = 2 ] && pass || fail "--occasion lists only those"
# --dry-run on every roster change: shown, nothing stored (every row of every table as it was).
snapshot
for change in "add HZ099 测试药房 --tier B" "edit HZ002 --phone 0571-1" "tier HZ002 C --from 2026-12-01" \
  "assign HZ002 wang --from 2026-12-01" "close HZ002 --on 2026-11-30" "reopen HZ030" "rep add sun --name 孙" \
  "person add HZ002 王芳" "person edit $pid --note 新" "person remove $pid --reason 离职" \
  "event add HZ002 --kind birth --date 2026-11-19" "event remove $eid --reason 日期记错"; do
  # shellcheck disable=SC2086 # the change's words are its arguments
  run roster $change --dry-run
  expect_rc 0 "roster $change --dry-run"
  expect_out "(dry run)" "roster $change --dry-run says so"
done
printf 'customer,name\nHZ003,周明\n' >"$WORK/people.csv"
run roster person import "$WORK/people.csv" --dry-run; expect_out "would import (dry run)" "an import's dry run"
run log-visit --undo --dry-run
expect_unchanged "every --dry-run left every row as it was"
run roster event remove "$eid" --reason "日期记错"
expect_rc 0 "remove an event"
expect_out "removed event #$eid: 结婚 at HZ002 on 2026-11-16 (日期记错); its obligation is withdrawn" "what it says"
run check-quota --customer HZ002
expect_no_out "结婚" "the removed wedding is owed no more"
run roster event list HZ002 --from 2026-11-01
expect_out "no life events in that range" "a removed event leaves the list"
run roster event list HZ002 --from 2026-11-01 --removed
expect_out "日期记错" "--removed shows it with the reason"
[ "$(db_query "select count(*) from life_events where id = $eid")" = 1 ] && pass || fail "the event is kept"
run roster person remove "$pid" --reason "离职"
expect_out "removed person #$pid 刘建国 at HZ002 (离职); their birthday is owed no more" "remove a person"
run roster person list HZ002 --format json
expect_no_out "刘建国" "a removed person leaves the list"
run roster person list HZ002 --removed --format csv
expect_out ",removed_at,removed_reason" "--removed CSV has the removal columns"
expect_out "离职" "--removed shows the reason"
expect_rejected 3 "person #$pid 刘建国 was already removed" "remove twice" roster person remove "$pid" --reason again
expect_rejected 3 "was removed on" "edit a removed person" roster person edit "$pid" --note x
expect_rejected 3 "no life event #9999" "remove an unknown event" roster event remove 9999 --reason x
expect_rejected 2 "--reason is required" "remove without a reason" roster event remove "$eid"
# A list longer than one batch of rows (PostgreSQL reads 20,000 a FETCH): every row, none twice.
if [ "$BACKEND" = postgresql ]; then
  before=$(log-visit --list HZ003 --from 2026-01-01 --format csv | tail -n +2 | wc -l)
  python3 - "$WORK/long.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], "w") as f:
    f.write("customer,channel,date,note\n")
    for i in range(20000):
        f.write(f"HZ003,message,{datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 300)},批量 {i}\n")
PY
  run log-visit --import "$WORK/long.csv"; expect_rc 0 "20,000 contacts imported"
  log-visit --list HZ003 --from 2026-01-01 --format csv >"$WORK/long.out" 2>"$WORK/err"
  [ "$(tail -n +2 "$WORK/long.out" | wc -l)" = $((before + 20000)) ] && pass || fail "the long list: $(wc -l <"$WORK/long.out") lines"
  [ "$(tail -n +2 "$WORK/long.out" | sort | uniq -d | wc -l)" = 0 ] && pass || fail "the long list repeats rows"
fi
finish
