# End-to-end: festivals on the official calendar, people with birthdays, life events, automatic
# tagging by log-visit, and obligations and rep goals in check-quota (SPEC §2 R4–R11).
source "$(dirname "$0")/lib.sh"

# remind --calendar: SPEC §5 CSV, and every year 1901-2099 against the independent reference.
run remind --calendar 2027 --format csv; expect_rc 0 "calendar csv"
[ "$(out)" = "$(printf 'date,occasion,name\n2027-02-06,spring-festival,春节\n2027-06-09,dragon-boat,端午节\n2027-09-15,mid-autumn,中秋节')" ] \
  && pass || fail "calendar 2027 is exactly the SPEC §5 CSV"
mismatch=0
while IFS=, read -r year spring dragon autumn; do
  [ "$year" = year ] && continue
  got=$(remind --calendar "$year" --format csv | tail -n +2 | cut -d, -f1 | paste -sd,)
  [ "$got" = "$spring,$dragon,$autumn" ] || { mismatch=$((mismatch + 1)); echo "  $year: $got != $spring,$dragon,$autumn" >&2; }
done <"$SRC/tests/data/festivals.csv"
[ "$mismatch" -eq 0 ] && pass || fail "festival dates 1901-2099 match the reference ($mismatch years differ)"
run remind --calendar 2026 --format json; expect_out '"calendar": "八月十五"' "calendar json carries the lunar date"
run remind --calendar 2026; expect_out "正月初一" "calendar text"
expect_rejected 3 "1901 to 2099" "calendar out of range" remind --calendar 2100
expect_rejected 2 "--calendar prints text, csv or json" "calendar bad format" remind --calendar 2026 --format ics

# A small roster.
export KEQING_NOW=2026-09-20T12:00 KEQING_REP=wang
roster rep add wang --team 东区 >/dev/null
roster add A1 康泰大药房 --tier A --opened 2024-01-01 >/dev/null
roster add B1 同济堂 --tier B --opened 2024-01-01 >/dev/null

# People: birthdays solar or lunar (leap months too), personality; bad input rejected.
run roster person add A1 张丽 --role 店长 --birthday lunar:8-10 --personality 活泼 --preferences 普洱茶
expect_rc 0 "person add"; expect_out "added person #1 张丽 at A1 (birthday lunar:8-10)" "person add message"
run roster person add B1 李姐 --birthday lunar:l4-12; expect_out "(birthday lunar:L4-12)" "leap-month birthday canonical"
expect_rejected 3 "'2026-02-30' is not a real date" "impossible birthday" roster person add A1 小王 --birthday 2026-02-30
expect_rejected 3 "is not a lunar date" "bad lunar birthday" roster person add A1 小王 --birthday lunar:13-1
expect_rejected 3 "not one of 活泼, 完美, 力量, 和平" "bad personality" roster person add A1 小王 --personality 开朗
expect_rejected 3 "unknown customer" "person for unknown customer" roster person add Z9 小王
run roster person edit 2 --family 儿子高考; expect_rc 0 "person edit"
expect_rejected 3 "no person #99" "edit unknown person" roster person edit 99 --role x
run roster person list A1 --format csv; expect_out "1,A1,张丽,店长,lunar:8-10,普洱茶,,活泼," "person list csv"
run roster show A1 --as-of 2026-09-20; expect_out "活泼型 — 与活泼型一起快乐" "card shows the personality hint"

# Life events.
run roster event add B1 --kind bereavement --date 2026-09-18 --person 李姐 --note 母亲去世
expect_rc 0 "event add"; expect_out "owed: visit by 2026-09-21" "event add says what is owed"
expect_rejected 3 "is not a life event kind" "unknown event kind" roster event add B1 --kind party --date 2026-09-18
expect_rejected 3 "--person '王五' names nobody" "event for unknown person" roster event add B1 --kind wedding --date 2026-09-18 --person 王五
expect_rejected 2 "--date" "event without date" roster event add B1 --kind wedding

# check-quota lists the obligations of the month with their state and exits 1 while any is open.
run check-quota --all --as-of 2026-09-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "obligations in check-quota JSON"
import json, sys
d = json.load(open(sys.argv[1]))
got = {(o["customer"], o["kind"], o["date"], o["state"]) for o in d["obligations"]}
want = {("A1", "mid-autumn", "2026-09-25", "open"), ("B1", "mid-autumn", "2026-09-25", "open"),
        ("A1", "birthday", "2026-09-20", "open"), ("B1", "bereavement", "2026-09-18", "open")}
assert got == want, got
assert [g["rep"] for g in d["goals"]] == ["wang"], d["goals"]
PY
run check-quota --all --as-of 2026-09-20; expect_rc 1 "open obligations make check-quota exit 1"
expect_out "中秋节" "table shows festivals"; expect_out "R9 asked customers for help" "table shows rep goals"

# log-visit tags a contact automatically when one open obligation fits, and says so.
run log-visit B1 --visit --note 上门慰问; expect_out "tagged: event:1 (亲人去世 2026-09-18 李姐) — the one open obligation it fits" "auto tag event"
expect_out "  done" "the bereavement visit is done"
# Of two that fit, the most urgent (the birthday closes today, mid-autumn on 09-25) is chosen and the other named.
run log-visit A1 --message --note 中秋快乐; expect_out "tagged: birthday:1 (生日 2026-09-20 张丽) — the most urgent of the obligations it fits (also: mid-autumn" "the most urgent of two fitting obligations"
expect_out "change it with --tag" "says how to change it"
run log-visit A1 --message --note "张姐生日快乐,普洱茶给您留好了" --occasion birthday; expect_out "tagged: birthday:1" "explicit tag"
run log-visit A1 --visit --gift --note 送月饼; expect_out "tagged: mid-autumn" "gift visit tags mid-autumn"
expect_out "still to do: message" "what is still owed for the occasion"
expect_rejected 3 "has no such obligation" "tag for an occasion not due" log-visit A1 --call --occasion dragon-boat
run log-visit A1 --message --occasion mid-autumn --note 中秋快乐; expect_out "  done" "mid-autumn done for A1"
run log-visit B1 --call --note 中秋问候 --date 2026-09-19; expect_out "tagged: mid-autumn" "B call tags mid-autumn"
run log-visit B1 --message --note 中秋快乐 --date 2026-09-19; expect_out "  done" "mid-autumn done for B1"

run check-quota --all --as-of 2026-09-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "all obligations done after the contacts"
import json, sys
d = json.load(open(sys.argv[1]))
states = {(o["customer"], o["kind"]): o["state"] for o in d["obligations"]}
assert set(states.values()) == {"done"}, states
PY

# Voiding a contact reopens the obligation it satisfied.
id=$(db_query "select id from contacts where occasion = 'event:1'")
log-visit --void "$id" --reason 录错了 >/dev/null
run check-quota --customer B1 --as-of 2026-09-22 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "voided contact reopens the obligation (overdue after the window)"
import json, sys
d = json.load(open(sys.argv[1]))
assert {o["kind"]: o["state"] for o in d["obligations"]}["bereavement"] == "overdue", d["obligations"]
PY
finish
