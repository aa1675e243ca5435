# End-to-end: follow-ups in progress, about a person, opened without a contact, and carried in CSV (issue 18
# items 1, 2 and 4). December 2026, by hand:
#   #P  12-01 log-visit HZ001 --promise 送样品 --about 张丽 (wang), due 12-08; started 12-02; kept 12-05
#   #Q  12-01 log-visit HZ001 --problem 退货慢 (wang), due 12-08; still open, overdue from 12-09
#   #C  roster complaint add HZ002 发票开错 --date 11-28 --due 12-05 (li); 判定 11-29 → in progress;
#       open and overdue at 12-10: the report lists it with age 12, remind reminds li
#   R15 12-03 log-visit HZ004 --family 店长女儿下月结婚 (wang): remind proposes the wedding with the command
#       that records it, every day until it is recorded; remind records nothing itself.
# The export of follow-ups and complaints imports again unchanged (and, on SQLite, whole into a new file);
# every bad row, transition and option is one stderr line, its exit status, and the database unchanged.
source "$(dirname "$0")/lib.sh"
roster rep import "$SRC/examples/reps.csv" >/dev/null || { echo "could not load reps"; exit 1; }
roster import "$SRC/examples/customers.csv" >/dev/null || { echo "could not load customers"; exit 1; }
roster person add HZ001 张丽 --role 店长 >/dev/null || { echo "could not add a person"; exit 1; }
opened_id() { sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out"; }
# unchanged LABEL CMD…: the command fails with one stderr line containing $WANT, exit $RC, nothing stored.
unchanged() {
  local label=$1 before
  shift
  before=$(db_hash)
  run "$@"
  expect_rc "$RC" "$label"
  expect_err "$WANT" "$label"
  [ "$(db_hash)" = "$before" ] && pass || fail "$label: the database changed"
}
json_field() { /usr/bin/python3 -c "import json,sys; d=json.load(open('$WORK/out')); print($1)"; }

export KEQING_NOW=2026-12-01T18:00
run log-visit HZ001 --call --date 2026-12-01 --rep wang --promise 送样品 --about 张丽
expect_rc 0 "a promise about a person"
P=$(opened_id)
run log-visit HZ001 --call --date 2026-12-01 --time 11:00 --rep wang --problem 退货慢
Q=$(opened_id)
RC=2 WANT="--about 张丽 needs something to follow up" unchanged "--about alone" \
  log-visit HZ001 --call --date 2026-12-01 --time 12:00 --rep wang --about 张丽
RC=3 WANT="--about '小王' names nobody at HZ001" unchanged "--about an unknown person" \
  log-visit HZ001 --call --date 2026-12-01 --time 12:00 --rep wang --promise x --about 小王

# open → in progress
export KEQING_NOW=2026-12-02T18:00
run roster followup start "$P" --dry-run
expect_out "would start #$P (dry run): in progress from 2026-12-02" "start --dry-run says what it would do"
[ "$(db_query "SELECT status FROM followups WHERE id = $P")" = open ] && pass || fail "a dry run stores nothing"
run roster followup start "$P"
expect_out "started #$P: in progress from 2026-12-02, due 2026-12-08" "start"
RC=3 WANT="follow-up #$P is in progress already since 2026-12-02" unchanged "start twice" roster followup start "$P"
RC=3 WANT="no follow-up #999" unchanged "start an unknown item" roster followup start 999
RC=3 WANT="follow-up #$Q was opened on 2026-12-01, after 2026-11-30" unchanged "start before its opening" \
  roster followup start "$Q" --on 2026-11-30
run roster followup list --as-of 2026-12-02 --format json
[ "$(json_field "[(f['id'], f['state'], f['person'], f['started_on']) for f in d if f['id'] == $P]")" = \
  "[($P, 'in_progress', '张丽', '2026-12-02')]" ] && pass || fail "list: in progress, about 张丽, since 12-02"
run roster followup list --as-of 2026-12-02
expect_out "送样品 (张丽)" "the table names the person"
expect_out "in_progress" "the table says in progress"

# A complaint recorded without a visit; its first step puts it in progress.
export KEQING_NOW=2026-12-03T18:00
RC=3 WANT="--date 2026-12-04 is after today (2026-12-03)" unchanged "a complaint from tomorrow" \
  roster complaint add HZ002 发票开错 --date 2026-12-04
RC=3 WANT="--due 2026-11-20 is before the day it was opened (2026-11-28)" unchanged "due before opening" \
  roster complaint add HZ002 发票开错 --date 2026-11-28 --due 2026-11-20
RC=3 WANT="unknown customer 'HZ999'" unchanged "a complaint at an unknown customer" roster complaint add HZ999 x
RC=3 WANT="--about '张丽' names nobody at HZ002" unchanged "a complaint about someone elsewhere" \
  roster complaint add HZ002 发票开错 --about 张丽
run roster complaint add HZ002 发票开错 --date 2026-11-28 --due 2026-12-05 --dry-run
expect_out "would record (dry run) complaint at HZ002 on 2026-11-28" "complaint add --dry-run"
run roster complaint add HZ002 发票开错 --date 2026-11-28 --due 2026-12-05
expect_out "owner li" "the complaint belongs to the customer's rep on its day"
expect_out "next step: 判定 (roster complaint step" "the next step and its command"
C=$(sed -n 's/^recorded complaint #\([0-9]*\) .*/\1/p' "$WORK/out")
run roster complaint step "$C" 判定 --note 成立 --on 2026-11-29
[ "$(db_query "SELECT status || ' ' || started_on FROM followups WHERE id = $C")" = "in_progress 2026-11-29" ] &&
  pass || fail "the first step puts a complaint in progress"
run log-visit HZ004 --visit --date 2026-12-03 --rep wang --family 店长女儿下月结婚
expect_out "roster event add HZ004 --kind wedding --date 2026-12-03" "log-visit proposes the wedding"
export KEQING_NOW=2026-12-05T18:00
RC=3 WANT="was opened or started on 2026-12-02, after 2026-12-01" unchanged "kept before it was started" \
  log-visit HZ001 --call --date 2026-12-01 --time 15:00 --rep wang --kept "$P"
run log-visit HZ001 --call --date 2026-12-05 --rep wang --kept "$P"
expect_out "closed follow-up #$P" "an item in progress is kept"
RC=3 WANT="follow-up #$P was closed already on 2026-12-05 (done); nothing to start" unchanged "start a closed item" \
  roster followup start "$P"

# The digest: the proposal every day until recorded, li's overdue complaint; nothing recorded by remind.
export KEQING_NOW=2026-12-10T08:00
events=$(db_query "SELECT count(*) FROM life_events")
run remind --all --as-of 2026-12-10 --format json
[ "$(json_field "[(i['customer'], i['command']) for g in d for i in g['items'] if i['kind'] == 'proposal']")" = \
  "[('HZ004', 'roster event add HZ004 --kind wedding --date 2026-12-03')]" ] && pass || fail "remind proposes the wedding"
[ "$(json_field "[(g['rep'], i['followup'], i['state']) for g in d for i in g['items'] if i['kind'] == 'followup']" )" = \
  "[('li', $C, 'overdue'), ('wang', $Q, 'overdue')]" ] && pass || fail "remind: li's overdue complaint, wang's problem"
[ "$(db_query "SELECT count(*) FROM life_events")" = "$events" ] && pass || fail "remind records no event"
run remind --rep wang --as-of 2026-12-10
expect_out "if so, record it (with its own day): roster event add HZ004 --kind wedding --date 2026-12-03" "the text digest"
roster event add HZ004 --kind wedding --date 2026-12-25 >/dev/null
run remind --rep wang --as-of 2026-12-11 --format json
[ "$(json_field "[i for g in d for i in g['items'] if i['kind'] == 'proposal']")" = "[]" ] && pass ||
  fail "a recorded event ends the proposal"

# The report: follow-ups per rep and the open complaint with its age, in every format.
run report --month 2026-12 --as-of 2026-12-10
expect_out "Open complaints (seed 002)" "report: the open complaints section"
grep -qE "^$C +HZ002 .* li +2026-11-28 +2026-12-05 +12 +overdue +责任部门 +发票开错" "$WORK/out" && pass ||
  fail "report: the complaint with age 12, overdue, next 责任部门"
run report --month 2026-12 --as-of 2026-12-10 --format json
[ "$(json_field "[(c['id'], c['age_days'], c['state']) for c in d['complaints_open']]")" = "[($C, 12, 'overdue')]" ] &&
  pass || fail "report JSON: complaints_open"
run report --month 2026-12 --as-of 2026-12-10 --format csv
expect_out "complaint,2026-12,#$C HZ002,age_days,12" "report CSV: the complaint's age"
expect_out "complaint,2026-12,#$C HZ002,days_overdue,5" "report CSV: days overdue"
run report --month 2026-12 --as-of 2026-12-10 --format markdown
expect_out "## Open complaints (seed 002)" "report markdown"
run report --month 2026-12 --as-of 2026-12-10 --format html
expect_out '<section id="followups">' "report HTML: the follow-up section"
expect_out "Complaints open on 2026-12-10, with their age" "report HTML: the open complaints"
expect_out "Median days to close" "report HTML: the counts per rep"

# Export and import again: everything unchanged.
run roster followup export -o "$WORK/f.csv"; expect_rc 0 "follow-up export"
run roster complaint export -o "$WORK/c.csv"; expect_rc 0 "complaint export"
head -1 "$WORK/f.csv" | grep -qx 'id,customer,kind,body,person,rep,opened_on,due_on,status,started_on,closed_on,reason' &&
  pass || fail "the follow-up CSV header"
grep -q "^$P,HZ001,promise,送样品,张丽,wang,2026-12-01,2026-12-08,done,2026-12-02,2026-12-05," "$WORK/f.csv" &&
  pass || fail "the kept promise, as stored"
grep -qx 'HZ002,发票开错,,2026-11-28,2026-12-05,判定,2026-11-29,成立' "$WORK/c.csv" && pass || fail "a complaint's step row"
before=$(db_hash)
run roster followup import "$WORK/f.csv"
expect_out "0 added, 0 changed, 3 unchanged" "the export imports again unchanged"
run roster complaint import "$WORK/c.csv"
expect_out "0 added, 0 changed, 1 unchanged" "the complaint export imports again unchanged"
[ "$(db_hash)" = "$before" ] && pass || fail "importing the export changes nothing"
if [ "$BACKEND" = sqlite ]; then
  (export KEQING_DB=$WORK/new.db
   roster rep import "$SRC/examples/reps.csv" >/dev/null 2>&1; roster import "$SRC/examples/customers.csv" >/dev/null
   roster person add HZ001 张丽 >/dev/null
   roster complaint import "$WORK/c.csv" >/dev/null && roster followup import "$WORK/f.csv" >/dev/null &&
   roster followup export | cut -d, -f2- >"$WORK/new.csv")
  diff <(cut -d, -f2- "$WORK/f.csv" | sort) <(sort "$WORK/new.csv") >/dev/null && pass || fail "a new file imports the export whole"
fi

# Bad rows: file:line, one line, nothing stored (the good first row is not kept either).
h=customer,kind,body,opened_on,due_on,status,started_on,closed_on,reason
good='HZ001,promise,新的,2026-12-09,2026-12-12,open,,,'
bad_row() { # LABEL ROW WANT
  printf '%s\n%s\n%s\n' "$h" "$good" "$2" >"$WORK/bad.csv"
  RC=3 WANT="$3" unchanged "import: $1" roster followup import "$WORK/bad.csv"
  grep -qF "bad.csv:3: " "$WORK/err" && pass || fail "import: $1: the file and line"
}
bad_row "an unknown status" 'HZ001,promise,x,2026-12-01,2026-12-08,half,,,' "status 'half' is not open, in_progress, done or dropped"
bad_row "in progress without its day" 'HZ001,promise,x,2026-12-01,2026-12-08,in_progress,,,' "status in_progress needs its first day"
bad_row "done without its day" 'HZ001,promise,x,2026-12-01,2026-12-08,done,,,' "status done needs its day in closed_on"
bad_row "dropped without a reason" 'HZ001,promise,x,2026-12-01,2026-12-08,dropped,,2026-12-02,' "status dropped needs a reason"
bad_row "an unknown kind" 'HZ001,favour,x,2026-12-01,2026-12-08,,,,' "kind 'favour' is not a follow-up kind"
bad_row "an unknown customer" 'HZ999,promise,x,2026-12-01,2026-12-08,,,,' "unknown customer 'HZ999'"
bad_row "days out of order" 'HZ001,promise,x,2026-12-01,2026-12-08,done,2026-12-04,2026-12-03,' "the days are out of order"
bad_row "closed in the future" 'HZ001,promise,x,2026-12-01,2026-12-08,done,,2026-12-31,' "2026-12-31 is after today (2026-12-10)"
bad_row "a bad day" 'HZ001,promise,x,2026-12-32,2026-12-08,,,,' "column opened_on"
bad_row "twice in the file" "$good" "appears twice in the file"
bad_row "stored otherwise" 'HZ001,promise,送样品,2026-12-01,2026-12-08,open,,,' "is stored as #$P with other values (status done → open"
RC=2 WANT="--update does not apply to follow-ups" unchanged "import --update" roster followup import "$WORK/f.csv" --update
printf 'customer,body,opened_on,due_on,step,done_on,note\nHZ002,发票开错,2026-11-28,2026-12-05,方案,2026-12-01,x\n' >"$WORK/bad.csv"
RC=3 WANT="bad.csv:2: follow-up #$C: the next step is 责任部门, not 方案" unchanged "complaint import: a step out of order" \
  roster complaint import "$WORK/bad.csv"
printf 'customer,body,opened_on,due_on,step,done_on,note\nHZ002,新投诉,2026-12-01,2026-12-15,判定,,x\n' >"$WORK/bad.csv"
RC=3 WANT="bad.csv:2: step 判定 needs its day in done_on" unchanged "complaint import: a step without its day" \
  roster complaint import "$WORK/bad.csv"

# On a team server a rep starts, records and imports only at its own customers.
if [ "$BACKEND" = postgresql ]; then
  pg_role li keqing_rep; pg_role wang keqing_rep
  RC=3 WANT="no follow-up #$Q" unchanged "li starts wang's follow-up" as li roster followup start "$Q"
  RC=3 WANT="unknown customer 'HZ001'" unchanged "li records a complaint at wang's customer" \
    as li roster complaint add HZ001 x --date 2026-12-10
  printf '%s\n%s\n' "$h" "$good" >"$WORK/wang.csv"
  RC=3 WANT="wang.csv:2:" unchanged "li imports a row of wang's customer" as li roster followup import "$WORK/wang.csv"
  as li roster followup list --all --as-of 2026-12-10 --format csv >"$WORK/out" 2>"$WORK/err"
  [ "$(cut -d, -f2 "$WORK/out" | sort -u | tr '\n' ' ')" = "HZ002 customer " ] && pass || fail "li lists only its own"
fi
finish
