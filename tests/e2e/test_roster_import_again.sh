# End-to-end: roster imports that can run again (issue 15). A file imported a second time changes nothing
# and says so; a newer file's differing rows are refused (naming the row and what differs) unless
# --update, which applies them — tier and rep changes from the day --from gives, November left as it was.
# Customers, reps, people and life events alike; on PostgreSQL also as an admin and a rep through
# keqing_api.
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
count() { db_query "SELECT count(*) FROM $1"; }

# The README's order: a rep added by hand, then the file that holds it too.
run roster rep add wang --name 王强 --team 华东一组; expect_rc 0 "rep add"
run roster rep import "$SRC/examples/reps.csv"; expect_rc 0 "a rep file holding a rep added by hand"
expect_out "imported reps from $SRC/examples/reps.csv: 2 added, 0 changed, 1 unchanged" "rep import counts"
run roster import "$SRC/examples/customers.csv"; expect_rc 0 "customers"
run roster import "$SRC/examples/customers.csv"; expect_rc 0 "the same customers again"
expect_out "0 added, 0 changed, 40 unchanged" "the same customers again changes nothing"
for kind in person event; do
  file=$SRC/examples/$([ $kind = person ] && echo people || echo events).csv
  run roster $kind import "$file"; expect_rc 0 "$kind import"
  snapshot
  run roster $kind import "$file"; expect_rc 0 "the same $kind file again"; expect_out " 0 added, 0 changed" "$kind: nothing new"
  expect_unchanged "the same $kind file again"
done
# The export is the import format: importing it changes nothing.
roster export --as-of 2026-11-20 -o "$WORK/export.csv" >/dev/null
run roster import "$WORK/export.csv"; expect_rc 0 "the export"; expect_out "0 added, 0 changed, 40 unchanged" "export round trip"

# A newer customers file from the ERP: one tier, one rep, one phone changed, one customer new.
perl -pe 's/^(HZ001,[^,]*),A,wang,/$1,B,wang,/; s/^(HZ002,[^,]*,A),li,/$1,wang,/; s/^(HZ004,(?:[^,]*,){5})[^,]*/${1}0571-000/' \
  "$SRC/examples/customers.csv" >"$WORK/newer.csv"
echo 'HZ900,新开药房,C,li,2026-11-16,,,,' >>"$WORK/newer.csv"
expect_rejected 3 "newer.csv:2: customer HZ001 is stored with other values (tier A → B); add --update to apply the file" \
  "a differing row without --update" roster import "$WORK/newer.csv"
expect_rejected 3 "newer.csv:2: customer HZ001 changes its tier; say from which day with --from YYYY-MM-DD" \
  "a tier change without --from" roster import "$WORK/newer.csv" --update
expect_rejected 3 "--from: '2026-13-01' has no month 13" "--from is a date" roster import "$WORK/newer.csv" --update --from 2026-13-01
snapshot
run roster import "$WORK/newer.csv" --update --from 2026-12-01 --dry-run; expect_rc 0 "dry run"
expect_out "would change customer HZ001: tier A → B from 2026-12-01" "dry run lists the change"
expect_out "would import (dry run) customers from $WORK/newer.csv: 1 added, 3 changed, 37 unchanged" "dry run counts"
expect_unchanged "dry run"
run roster import "$WORK/newer.csv" --update --from 2026-12-01; expect_rc 0 "--update"
expect_out "changed customer HZ002: rep li → wang from 2026-12-01" "the rep change is listed"
expect_out "changed customer HZ004: phone" "the phone change is listed"
expect_out "1 added, 3 changed, 37 unchanged" "--update counts"
run roster show HZ001 --as-of 2026-11-20; expect_out "tier A" "November keeps tier A"
run roster show HZ001 --as-of 2026-12-01; expect_out "tier B" "December has tier B"
[ "$(db_query "SELECT rep_id FROM assignments a JOIN customers c ON c.id = a.customer_id WHERE c.code = 'HZ002' ORDER BY effective_from DESC LIMIT 1")" = wang ] &&
  pass || fail "HZ002's rep from December"
run roster import "$WORK/newer.csv" --update --from 2026-12-01; expect_out "0 added, 0 changed, 41 unchanged" "applied once"

# An update that contradicts logged contacts is refused as roster close/tier would, unless --force.
perl -pe 's/^(HZ001,(?:[^,]*,){4}),/${1}2026-11-10,/' "$WORK/newer.csv" >"$WORK/closing.csv"
log-visit HZ001 --call --date 2026-11-15 >/dev/null || fail "logging HZ001's call"
expect_rejected 3 "closing.csv:2: customer HZ001 has" "closing before the last contact" \
  roster import "$WORK/closing.csv" --update --from 2026-12-01
expect_err "close it on" "the refusal says what to do"
perl -pe 's/^(HZ003,[^,]*),A,/$1,C,/' "$SRC/examples/customers.csv" | sed -n '1p;/^HZ003,/p' >"$WORK/early.csv"
expect_rejected 3 "customer HZ003 opened on" "a tier from before the opening day" \
  roster import "$WORK/early.csv" --update --from 2020-01-01
run roster import "$WORK/closing.csv" --update --from 2026-12-01 --force; expect_rc 0 "--force applies it"
expect_out "closed_on (blank) → 2026-11-10" "the closing day is listed"

# Reps, people and events that changed.
printf 'id,name,team\nwang,王强,华东二组\n' >"$WORK/reps2.csv"
expect_rejected 3 "reps2.csv:2: rep wang is stored with other values (team 华东一组 → 华东二组)" "a rep's new team" \
  roster rep import "$WORK/reps2.csv"
run roster rep import "$WORK/reps2.csv" --update; expect_out "1 changed" "a rep's new team with --update"
[ "$(db_query "SELECT team FROM reps WHERE id = 'wang'")" = 华东二组 ] && pass || fail "wang's team"
printf 'customer,name,birthday\nHZ001,张丽,lunar:10-13\n' >"$WORK/people2.csv"
expect_rejected 3 "people2.csv:2: person #" "a person's new birthday" roster person import "$WORK/people2.csv"
run roster person import "$WORK/people2.csv" --update; expect_out "birthday lunar:10-12 → lunar:10-13" "the birthday change"
[ "$(db_query "SELECT count(*) FROM people WHERE name = '张丽'")" = 1 ] && pass || fail "张丽 stored once"
printf 'customer,kind,date,person,note\nHZ002,wedding,2026-11-06,刘建国,女儿结婚\n' >"$WORK/events2.csv"
expect_rejected 3 "(note 儿子结婚 → 女儿结婚); add --update" "an event's new note" roster event import "$WORK/events2.csv"
before=$(count life_events)
run roster event import "$WORK/events2.csv" --update; expect_out "1 changed" "an event's new note with --update"
[ "$(count life_events)" = "$before" ] && pass || fail "the event was added, not changed"
# A key twice in one file: which row wins would be a guess.
printf 'id\nzhou\nzhou\n' >"$WORK/twice.csv"
expect_rejected 3 "twice.csv:3: rep zhou appears twice in the file; keep one row" "a key twice" roster rep import "$WORK/twice.csv"

if [ "$BACKEND" = postgresql ]; then
  # An admin applies the reps file through keqing_api; a rep may not; a rep updates its customer's event.
  pg_role boss keqing_admin
  pg_role wang keqing_rep
  printf 'id,name,team\nwang,王强,华东一组\n' >"$WORK/reps3.csv"
  expect_rejected 3 "" "rep: may not change reps" as wang roster rep import "$WORK/reps3.csv" --update
  run as boss roster rep import "$WORK/reps3.csv" --update; expect_rc 0 "admin: reps --update"; expect_out "1 changed" "admin: team back"
  printf 'customer,kind,date,person,note\nHZ012,illness,2026-11-17,孙丽华,父亲出院\n' >"$WORK/events3.csv"
  expect_rejected 3 "" "wang may not change zhao's customer's event" as wang roster event import "$WORK/events3.csv" --update
  run as boss roster event import "$WORK/events3.csv" --update; expect_rc 0 "admin: event --update"; expect_out "1 changed" "admin: the note"
  printf 'customer,kind,date,person,note\nHZ001,wedding,2026-12-20,张丽,女儿结婚\n' >"$WORK/events4.csv"
  run as wang roster event import "$WORK/events4.csv"; expect_rc 0 "rep: an event at its customer"
  sed -i 's/女儿结婚/女儿订婚/' "$WORK/events4.csv"
  run as wang roster event import "$WORK/events4.csv" --update; expect_rc 0 "rep: its event's note"; expect_out "1 changed" "rep: changed"
fi
finish
