# End-to-end: follow-up items (issue 18 item 1). December 2026 simulated day by day: log-visit opens
# promises, problems and a slow mover and closes them on time, late, or drops one; every day remind and
# check-quota are compared with the plan below (what each item's state must be that day), and the card and
# the report count what the plan says. Bad requests change nothing. On a team server a rep sees, opens and
# closes follow-ups of its own customers only.
source "$(dirname "$0")/lib.sh"
roster rep import "$SRC/examples/reps.csv" >/dev/null || { echo "could not load reps"; exit 1; }
roster import "$SRC/examples/customers.csv" >/dev/null || { echo "could not load customers"; exit 1; }

# The plan, by hand. wang serves HZ001 (A) and HZ004 (B), li HZ002 (A).
#   item  day    who   customer  kind        due     closed
#   P1    12-01  wang  HZ001     promise     12-09   12-12 kept (3 days late)
#   P2    12-01  wang  HZ001     problem     12-08   12-08 solved (on its due day; R10)
#   S3    12-03  wang  HZ004     slow-mover  12-17   12-28 solved (11 days late)
#   P4    12-05  li    HZ002     promise     12-07   12-07 kept (on time)
#   P5    12-15  wang  HZ001     promise     12-22   12-20 dropped
declare -A ID
opened() { sed -n "s/^opened follow-up #\([0-9]*\) $1.*/\1/p" "$WORK/out"; }
plan_json() {
  cat <<EOF
{"P1": ["wang", "HZ001", "2026-12-01", "2026-12-09", "2026-12-12"],
 "P2": ["wang", "HZ001", "2026-12-01", "2026-12-08", "2026-12-08"],
 "S3": ["wang", "HZ004", "2026-12-03", "2026-12-17", "2026-12-28"],
 "P4": ["li", "HZ002", "2026-12-05", "2026-12-07", "2026-12-07"],
 "P5": ["wang", "HZ001", "2026-12-15", "2026-12-22", "2026-12-20"],
 "ids": {$(for k in "${!ID[@]}"; do printf '"%s": %s, ' "$k" "${ID[$k]}"; done) "_": 0}}
EOF
}

# The day's actions, at 18:00 that day.
act() {
  local day=$1
  export KEQING_NOW=${day}T18:00
  case $day in
  2026-12-01)
    run log-visit HZ001 --visit --date "$day" --time 10:00 --rep wang --promise "下周三前送样品" --due 2026-12-09
    expect_rc 0 "a visit opens a promise"
    expect_out "due 2026-12-09, owner wang" "the promise is due when --due says"
    ID[P1]=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out")
    run log-visit HZ001 --call --date "$day" --time 16:00 --rep wang --problem "退货流程太慢"
    expect_out "问题 退货流程太慢 (R10): due 2026-12-08" "the problem is due the rules' 7 days later"
    ID[P2]=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out") ;;
  2026-12-03)
    run log-visit HZ004 --visit --date "$day" --rep wang --slow-mover "感冒灵: 价格高于竞品"
    expect_out "滞销品 感冒灵: 价格高于竞品 (R17): due 2026-12-17" "the R17 item opens a slow mover, due in 14 days"
    ID[S3]=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out")
    expect_no_out "R17 slow movers" "and is still the visit's R17 checklist item" ;;
  2026-12-05)
    run log-visit HZ002 --visit --date "$day" --rep li --promise "周一前回复价格" --due 2026-12-07
    ID[P4]=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out") ;;
  2026-12-07)
    run log-visit HZ002 --call --date "$day" --rep li --kept "${ID[P4]}"
    expect_out "closed follow-up #${ID[P4]} 承诺 周一前回复价格 (seed 003): done, 2 days after it was opened" \
      "kept on its due day: not late" ;;
  2026-12-08)
    run log-visit HZ001 --call --date "$day" --rep wang --solved "${ID[P2]}"
    expect_out "closed follow-up #${ID[P2]} 问题 退货流程太慢 (R10): done, 7 days after" "the problem is solved"
    [ "$(db_query "SELECT solved FROM contacts WHERE id = (SELECT closed_by FROM followups WHERE id = ${ID[P2]})")" = \
      "#${ID[P2]} 退货流程太慢" ] && pass || fail "the closing contact records the problem as R10's problem solved" ;;
  2026-12-12)
    run log-visit HZ001 --visit --date "$day" --rep wang --kept "${ID[P1]}"
    expect_out "done, 11 days after it was opened, 3 days late (due 2026-12-09)" "a promise kept late says so" ;;
  2026-12-15)
    run log-visit HZ001 --visit --date "$day" --rep wang --promise "月底前安排一次培训"
    ID[P5]=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out") ;;
  2026-12-20)
    run log-visit --close "${ID[P5]}" --reason "店长说年前不需要了"
    expect_out "dropped follow-up #${ID[P5]} 承诺 月底前安排一次培训 (seed 003) at HZ001: 店长说年前不需要了" \
      "--close drops one with its reason" ;;
  2026-12-28)
    run log-visit HZ004 --visit --date "$day" --rep wang --solved "#${ID[S3]}"
    expect_out "done, 25 days after it was opened, 11 days late" "the slow mover is solved late" ;;
  esac
}

# What remind and check-quota show on `day`, against the plan: remind (for the start of the day, 7 days
# ahead) lists each item open then and due within the horizon for the rep of its customer; check-quota (at
# the day's end) lists each open item.
compare() {
  local day=$1
  remind --all --as-of "$day" --format json >"$WORK/remind.json" 2>/dev/null
  check-quota --all --as-of "$day" --format json >"$WORK/check.json" 2>/dev/null
  plan_json >"$WORK/plan.json"
  python3 - "$day" "$WORK" <<'PY'
import datetime, json, sys
day, work = sys.argv[1], sys.argv[2]
plan = json.load(open(f"{work}/plan.json"))
ids = plan.pop("ids")
d = datetime.date.fromisoformat(day)
horizon = (d + datetime.timedelta(days=7)).isoformat()
def state(due): return "overdue" if due < day else "due" if due == day else "open"
want_remind, want_check = set(), set()
for name, (rep, code, opened, due, closed) in plan.items():
    if name not in ids or opened > day or closed <= day: continue
    want_check.add((ids[name], code, state(due)))
    if due <= horizon: want_remind.add((rep, ids[name], state(due)))
got_remind = {(dg["rep"], i["followup"], i["state"]) for dg in json.load(open(f"{work}/remind.json"))
              for i in dg["items"] if i["kind"] == "followup"}
got_check = {(f["id"], f["customer"], f["state"]) for f in json.load(open(f"{work}/check.json"))["followups"]}
ok = got_remind == want_remind and got_check == want_check
if not ok: print(day, "remind", sorted(got_remind), "want", sorted(want_remind), "check", sorted(got_check), "want", sorted(want_check))
sys.exit(0 if ok else 1)
PY
}

for n in $(seq 1 31); do
  day=$(printf '2026-12-%02d' "$n")
  act "$day"
  compare "$day" && pass || fail "day $day: remind and check-quota follow the plan"
done
unset KEQING_NOW

# Spot checks a reader can follow: on 12-10 the promise is overdue in remind, with its rule.
run remind --rep wang --as-of 2026-12-10
expect_out "OVERDUE [seed 003] by 2026-12-09 · HZ001 康泰大药房 — 承诺 #${ID[P1]}: 下周三前送样品 (opened 2026-12-01)" \
  "remind: the promise is overdue, with its rule"
run check-quota --rep wang --as-of 2026-12-10
expect_rc 1 "check-quota: an overdue follow-up is something owed"
expect_out "open follow-ups (promises, problems, slow movers)" "check-quota's table has them"
expect_out "下周三前送样品" "with the overdue promise"
run check-quota --rep wang --as-of 2026-12-31 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "R10 counts the problem solved through --solved N"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["followups"] == [], d["followups"]
assert d["goals"][0]["goals"]["R10"]["done"] >= 1, d["goals"]
PY

# The card: open and recently closed items, with their state on the day.
run roster show HZ001 --as-of 2026-12-16
expect_out "follow-ups (open, and closed in the last 90 days)" "the card lists follow-ups"
expect_out "月底前安排一次培训" "the open promise"
grep "下周三前送样品" "$WORK/out" | grep -q done && pass || fail "the kept promise shows done"

# The report: opened, closed, overdue and the median days to close, per owner.
report_counts() { # AS_OF: rep opened closed done open overdue median, one line each
  report --month 2026-12 --as-of "$1" --format json | python3 -c '
import json, sys
for c in json.load(sys.stdin)["followups"]["by_rep"]:
    print(c["rep"] or "all", c["opened"], c["closed"], c["done"], c["open"], c["overdue"], c["median_days_to_close"])'
}
expected_20="wang 4 3 2 1 1 7
li 1 1 1 0 0 2
all 5 4 3 1 1 6"
[ "$(report_counts 2026-12-20 | sort)" = "$(sort <<<"$expected_20")" ] && pass ||
  fail "report as of 12-20: $(report_counts 2026-12-20)"
expected_31="wang 4 4 3 0 0 9
li 1 1 1 0 0 2
all 5 5 4 0 0 7"
[ "$(report_counts 2026-12-31 | sort)" = "$(sort <<<"$expected_31")" ] && pass ||
  fail "report as of 12-31: $(report_counts 2026-12-31)"
run report --month 2026-12 --as-of 2026-12-20
expect_out "Follow-ups (promises, problems, slow movers)" "the report's table has a section"
expect_out "感冒灵: 价格高于竞品" "listing the overdue slow mover"

# Bad requests: one stderr line, the documented status, nothing changed.
export KEQING_NOW=2026-12-31T18:00
run log-visit HZ001 --visit --rep wang --date 2026-12-31 --promise "送海报"
open_id=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out")
expect_rejected 3 "is a promise, which closes with --kept $open_id" "--solved on a promise" \
  log-visit HZ001 --call --rep wang --solved "$open_id"
expect_rejected 3 "no follow-up #987654" "an unknown follow-up" log-visit HZ001 --call --rep wang --kept 987654
expect_rejected 3 "is at HZ001, not HZ004" "a follow-up of another customer" \
  log-visit HZ004 --call --rep wang --kept "$open_id"
expect_rejected 3 "was closed already on 2026-12-12" "a follow-up closed already" \
  log-visit HZ001 --call --rep wang --kept "${ID[P1]}"
expect_rejected 3 "--due 2026-11-01 is before the contact's day 2026-12-31" "a due day before the contact" \
  log-visit HZ001 --call --rep wang --promise "送海报" --due 2026-11-01
expect_rejected 3 "--due" "a malformed due day" log-visit HZ001 --call --rep wang --promise "送海报" --due 2026-13-01
expect_rejected 2 "--due 2026-12-31 needs something to follow up" "--due alone" \
  log-visit HZ001 --call --rep wang --due 2026-12-31
expect_rejected 2 "--close $open_id needs --reason TEXT" "--close without a reason" log-visit --close "$open_id"
expect_rejected 2 "one of them" "--close with a customer" log-visit HZ001 --close "$open_id" --reason x

if [ "$BACKEND" = postgresql ]; then
  # A rep sees, opens and closes follow-ups of its own customers only; a hidden one answers like a missing one.
  pg_role wang keqing_rep
  pg_role li keqing_rep
  as li log-visit --close "$open_id" --reason "不是我的" </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
  expect_rc 3 "li cannot drop wang's follow-up"
  expect_err "no follow-up #$open_id" "wang's follow-up is hidden from li"
  for id in "$open_id" 987654; do
    psql_as li "SELECT keqing_api.close_followup($id, 'dropped', 'x', NULL)"
    [ "$rc" -ne 0 ] && grep -qF "no follow-up #$id" "$WORK/err" && pass || fail "close_followup($id) as li: no follow-up"
  done
  wang_contact=$(db_query "SELECT max(id) FROM contacts WHERE rep_id = 'wang'")
  psql_as li "SELECT keqing_api.add_followup($wang_contact, 'promise', 'x', '2026-12-31', NULL)"
  [ "$rc" -ne 0 ] && grep -qF "no contact #$wang_contact" "$WORK/err" && pass || fail "add_followup on a hidden contact"
  psql_as li "SELECT count(*) FROM keqing_api.followups() WHERE customer_id <> (SELECT id FROM keqing_api.customers() WHERE code = 'HZ002')"
  [ "$(out)" = 0 ] && pass || fail "li's followups() holds only its customers' items: $(out)"
  psql_as li "SELECT count(*) FROM keqing.followups"
  [ "$rc" -ne 0 ] && pass || fail "a rep reads no followups table"
  # wang, on its own: opens with a contact of its own (the server takes day, customer and owner from it)
  # and keeps it; the contacts are dated before the server's own today.
  as wang log-visit HZ001 --call --date 2026-12-01 --time 09:00 --promise "寄样品" </dev/null >"$WORK/out" 2>"$WORK/err"
  own=$(sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out")
  [ -n "$own" ] && [ "$(db_query "SELECT rep_id || ' ' || opened_on FROM followups WHERE id = $own")" = "wang 2026-12-01" ] &&
    pass || fail "wang opens a follow-up through keqing_api: $(cat "$WORK/err")"
  as wang log-visit HZ001 --call --date 2026-12-01 --time 10:00 --kept "$own" </dev/null >"$WORK/out" 2>"$WORK/err"
  [ "$(db_query "SELECT status || ' ' || closed_on FROM followups WHERE id = $own")" = "done 2026-12-01" ] && pass ||
    fail "wang keeps its promise through keqing_api: $(cat "$WORK/err")"
fi
finish
