# End-to-end: remind's deadline items (issue 17 items 1 and 6) — every quota still owed is in its rep's
# digest on the month's last day (or the customer's closing day) and the deadline_days days before it,
# and earlier when the rep's days left cannot hold the visits; never after it is met or the customer
# closed; a hand-over moves reminders on its day, not before. Two months day by day: the example data
# (2026-11) and a generated territory of C customers only (2022-02).
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }

# The last days of November, one by one, on the example data.
run remind --rep zhao --as-of 2026-11-24 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "six days before the end: no deadline items yet"
import json, sys
assert not [i for d in json.load(open(sys.argv[1])) for i in d["items"] if i["kind"] == "deadline"]
PY
run remind --rep zhao --as-of 2026-11-30; expect_rc 1 "the last day: something due"
expect_out "DUE TODAY [R1] by 2026-11-30 · HZ010" "a C customer's visit on the last day"
expect_out "HZ010 民生大药房 — visit: 1 more by 11-30 (0 of 1 done; 1 day left" "says what is owed and by when"
run remind --rep zhao --as-of 2026-11-25
expect_out "DUE [R1] by 2026-11-30 · HZ010" "a C customer five days before the end"
expect_out "days left)" "days left counted"
run check-quota --customer HZ010 --as-of 2026-11-30 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "check-quota keeps the end of the day: missed on the last day"
import json, sys
c = json.load(open(sys.argv[1]))["customers"][0]
assert c["status"] == "missed", c
PY
run remind --rep zhao --as-of 2026-11-26 --format ics
grep -q '^UID:quota-HZ010-visit-2026-11-zhao@keqing' "$WORK/out" && grep -q '^DTSTART;VALUE=DATE:20261130' "$WORK/out" \
  && pass || fail "ics: the deadline item on its deadline, stable uid"

# deadline_days from the rules file.
sed 's/^deadline_days = 5$/deadline_days = 1/' "$SRC/schemas/rules.toml" >"$WORK/rules.toml"
grep -q '^deadline_days = 1$' "$WORK/rules.toml" && pass || fail "rules copy with deadline_days = 1"
run remind --rep zhao --as-of 2026-11-28 --rules "$WORK/rules.toml"; expect_no_out "· HZ010" "deadline_days = 1: not two days before"
run remind --rep zhao --as-of 2026-11-29 --rules "$WORK/rules.toml"; expect_out "· HZ010 民生大药房 — visit: 1 more by 11-30" "deadline_days = 1: the day before"
sed 's/^deadline_days = 5$/deadline_days = -2/' "$SRC/schemas/rules.toml" >"$WORK/bad.toml"
expect_rejected 3 "'deadline_days' in the rules file must be a whole number from 0 to 30" "bad deadline_days" \
  remind --rep zhao --as-of 2026-11-29 --rules "$WORK/bad.toml"

# The whole of November, day by day.
python3 "$SRC/tests/e2e/remind_deadlines.py" "$BIN" 2026-11 "$SRC/examples/customers.csv" >"$WORK/month" 2>&1 \
  && pass || { fail "November day by day on the example data"; cat "$WORK/month" >&2; }
tail -1 "$WORK/month"

# A territory of C customers only, February 2022 (28 days; no example customer is open yet): c1 has
# 100 customers, too many visits for its last week at 12 a day; c2 has 20, two of them handed to c3
# during the month (recorded in January); some close or open during the month.
roster rep add c1 --name 陈一 --team 华南 >/dev/null && roster rep add c2 --name 陈二 --team 华南 >/dev/null &&
  roster rep add c3 --name 陈三 --team 华南 >/dev/null && pass || fail "C territory reps"
python3 - "$WORK/c.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("code,name,tier,rep,opened_on,closed_on\n")
    for n in range(1, 121):
        opened = {7: "2022-02-10", 8: "2022-02-25", 107: "2022-02-26"}.get(n, "2021-06-01")
        closed = {9: "2022-02-12", 10: "2022-02-26", 108: "2022-02-01", 109: "2022-02-24"}.get(n, "")
        f.write(f"Z{n:03d},门店{n:03d},C,{'c1' if n <= 100 else 'c2'},{opened},{closed}\n")
PY
run roster import "$WORK/c.csv"; expect_rc 0 "C territory loaded"
KEQING_NOW=2022-01-15T10:00 roster assign Z101 c3 --from 2022-02-25 >/dev/null &&
  KEQING_NOW=2022-01-15T10:00 roster assign Z102 c3 --from 2022-02-10 >/dev/null && pass || fail "hand-overs recorded"
printf 'customer,channel,date,rep\nZ001,visit,2022-02-03,c1\nZ001,call,2022-02-03,c1\nZ001,message,2022-02-03,c1\nZ101,visit,2022-02-04,c2\n' >"$WORK/early.csv"
KEQING_NOW=2022-02-04T20:00 log-visit --import "$WORK/early.csv" >/dev/null && pass || fail "early contacts"

run remind --rep c2 --as-of 2022-02-24 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "before the hand-over day, Z101 stays with c2"
import json, sys
items = [i for d in json.load(open(sys.argv[1])) for i in d["items"]]
assert {i["channel"] for i in items if i["customer"] == "Z101"} == {"call", "message"}, items
PY
run remind --rep c3 --as-of 2022-02-24 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "c3 has Z102 (handed over on the 10th), not yet Z101"
import json, sys
items = [i for d in json.load(open(sys.argv[1])) for i in d["items"]]
assert {i["customer"] for i in items if i["kind"] == "deadline"} == {"Z102"}, items
PY
run remind --rep c1 --as-of 2022-02-13 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "closed on the 12th: no item for Z009 after (quota nor festival)"
import json, sys
items = [i for d in json.load(open(sys.argv[1])) for i in d["items"]]
assert not [i for i in items if i["customer"] == "Z009"] and [i for i in items if i["customer"] == "Z011"], items
PY
run remind --rep c1 --as-of 2022-02-08; expect_out "Z009" "before its closing day Z009 is reminded (the festival)"
run remind --rep c1 --as-of 2022-02-12; expect_out "Z009" "closed on the 12th: reminded on its closing day"
expect_out "call: 1 more by 02-12" "a closing customer's deadline is its closing day"
run remind --rep c1 --as-of 2022-02-21
expect_out "room for 96 at 12 a day" "c1's days left cannot hold its visits: reminded before the last six days"

python3 "$SRC/tests/e2e/remind_deadlines.py" "$BIN" 2022-02 "$WORK/c.csv" --expect-tight \
  --handover Z101:c3:2022-02-25 --handover Z102:c3:2022-02-10 >"$WORK/month" 2>&1 \
  && pass || { fail "February day by day on the C territory"; cat "$WORK/month" >&2; }
tail -1 "$WORK/month"
finish
