# End-to-end: plan (issue 19) on the example data, on both backends: areas and coordinates from roster edit,
# routes, formats and their stable UIDs, --skip, --workdays, --off, --output-dir and bad input. The month
# simulations of the issue are test_plan_month.sh.
source "$(dirname "$0")/lib.sh"

load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang

# Areas and coordinates.
run roster edit HZ007 --area 西湖区 --geo 30.2790,120.1300; expect_rc 0 "roster edit --area --geo"
run roster edit HZ019 --geo 30.2920,120.1610; expect_rc 0 "roster edit --geo alone"
run roster edit HZ028 --geo "30.2750, 120.1640"; expect_rc 0 "coordinates with a space"
[ "$(db_query "SELECT area || '|' || lat || '|' || lon FROM customers WHERE code = 'HZ007'")" = "西湖区|30.279|120.13" ] \
  && pass || fail "area and coordinates stored: $(db_query "SELECT area, lat, lon FROM customers WHERE code = 'HZ007'")"
expect_rejected 3 "--geo: '30.27' is not coordinates; write LATITUDE,LONGITUDE" "--geo without a longitude" \
  roster edit HZ007 --geo 30.27
expect_rejected 3 "is not coordinates" "--geo out of range" roster edit HZ007 --geo 91,120
run roster edit HZ028 --geo none; expect_rc 0 "--geo none clears"
[ -z "$(db_query "SELECT lat FROM customers WHERE code = 'HZ028'")" ] && pass || fail "coordinates cleared"
run roster edit HZ028 --geo 30.2750,120.1640; expect_rc 0 "coordinates again"

# The plan: days, routes, what cannot fit.
run plan --from 2026-11-23 --days 7
expect_out "Plan for wang (王强) · 华东一组, 2026-11-23 to 2026-11-29 (at most 12 visits a day)" "heading"
expect_out "Sat 11-28                 day off" "weekends are days off"
expect_out "海王星辰(文三路店)" "CJK names in the table"
grep -q "km" "$WORK/out" && pass || fail "a route with its distance"
run plan --from 2026-11-23 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "json: the documented keys, visits only on working days, within the limit"
import json, sys
p = json.load(open(sys.argv[1]))
assert set(p) == {"rep", "name", "team", "from", "days", "until", "max_visits_per_day", "plan", "planned_later", "missed"}, p.keys()
for d in p["plan"]:
    assert set(d) == {"date", "workday", "visits", "route_km", "areas", "contacts"}, d.keys()
    assert d["visits"] <= p["max_visits_per_day"]
    assert d["workday"] or not d["visits"], d
    for c in d["contacts"]:
        assert c["from"] <= d["date"] <= c["to"], c
assert [m["why"] for m in p["missed"]] and {m["why"] for m in p["missed"]} <= {"no_room", "no_day", "overdue"}
PY
cp "$WORK/out" "$WORK/monday.json"
run plan --from 2026-11-23 --format json; cmp -s "$WORK/out" "$WORK/monday.json" && pass || fail "the same plan twice"

# ICS: one event per planned contact, its UID the same the next day.
run plan --from 2026-11-23 --format ics; expect_rc 1 "ics (exit 1: something cannot fit)"
head -1 "$WORK/out" | grep -q "BEGIN:VCALENDAR" && pass || fail "ics calendar"
[ "$(grep -c '^BEGIN:VEVENT' "$WORK/out")" = "$(python3 -c "import json; print(sum(len(d['contacts']) for d in json.load(open('$WORK/monday.json'))['plan']))")" ] \
  && pass || fail "one event per planned contact"
grep '^UID:' "$WORK/out" | sed -n 3,5p >"$WORK/uids"
run plan --from 2026-11-23 --days 7 --format ics
grep -qF -f "$WORK/uids" "$WORK/out" && pass || fail "UIDs stable"
run plan --from 2026-11-23 --format markdown; expect_out "# Plan for wang" "markdown heading"; expect_out "| DAY" "markdown table"

# --skip, --workdays, --off.
first=$(python3 -c "import json; p=json.load(open('$WORK/monday.json')); print([c['customer'] for c in p['plan'][0]['contacts'] if c['channel']=='visit'][0])")
run plan --from 2026-11-23 --format json --skip "$first@2026-11-23"
python3 - "$WORK/out" "$first" <<'PY' && pass || fail "--skip moves the customer off that day"
import json, sys
p = json.load(open(sys.argv[1]))
assert sys.argv[2] not in [c["customer"] for c in p["plan"][0]["contacts"]]
PY
run plan --from 2026-11-23 --format json --workdays mon-sat --off 2026-11-24
python3 - "$WORK/out" <<'PY' && pass || fail "--workdays mon-sat plans Saturday, --off leaves Tuesday free"
import json, sys
p = {d["date"]: d for d in json.load(open(sys.argv[1]))["plan"]}
assert p["2026-11-28"]["workday"] and not p["2026-11-24"]["workday"] and not p["2026-11-24"]["visits"]
PY

# --output-dir per rep, for a Monday cron.
run plan --all --from 2026-11-23 --output-dir "$WORK/plans"; expect_rc 1 "--output-dir"
grep -q "^wrote 3 plans to $WORK/plans" "$WORK/err" && pass || fail "--output-dir: 3 plans"
[ -s "$WORK/plans/wang.txt" ] && [ -s "$WORK/plans/li.txt" ] && pass || fail "one file per rep"
[ "$(stat -c %a "$WORK/plans/wang.txt")" = 600 ] && pass || fail "0600"

# Bad input: one line, its exit status, nothing changed.
expect_rejected 2 "--skip HZ007: write the customer and the day as CODE@DATE" "--skip without a day" plan --skip HZ007
expect_rejected 3 "--skip HZ002@2026-11-24: HZ002 is not one of wang's customers" "--skip another rep's customer" \
  plan --from 2026-11-23 --skip HZ002@2026-11-24
expect_rejected 3 "--workdays: 'mon-xyz' is not a list of weekdays" "--workdays" plan --workdays mon-xyz
expect_rejected 3 "unknown rep 'nobody'" "unknown rep" plan --rep nobody
expect_rejected 2 "--all writes one file per rep" "--all without --output-dir" plan --all
expect_rejected 2 "--days must be from 1 to 62" "--days 0" plan --days 0
# check-quota and remind point to the plan with --with-plan (opt-in: it computes the plan).
run check-quota --as-of 2026-11-20 --with-plan
expect_rc 1 "check-quota --with-plan"; expect_out "visit +3 to pace (planned Fri)" "check-quota: planned Fri"
run check-quota --as-of 2026-11-20; expect_no_out "planned" "check-quota without --with-plan: no plan"
run check-quota --as-of 2026-11-20 --with-plan --format json
python3 - "$WORK/out" <<'PY' && pass || fail "check-quota --with-plan JSON: planned"
import json, sys
d = json.load(open(sys.argv[1]))
c = {x["code"]: x for x in d["customers"]}
assert c["HZ007"]["planned"] == "2026-11-20", c["HZ007"]
assert all("planned" in x for x in d["customers"])
PY
run check-quota --as-of 2026-11-20 --format json; expect_no_out '"planned"' "JSON without --with-plan"
expect_rejected 2 "--with-plan is one rep's plan" "check-quota --all --with-plan" check-quota --all --with-plan
run remind --as-of 2026-11-20 --with-plan
expect_out "HZ007 海王星辰(文三路店) — visit: 3 more to be on pace (2 of 8 done; all 8 by 2026-11-30) (planned Fri)" \
  "remind --with-plan: planned Fri"
run remind --as-of 2026-11-20 --with-plan --format json; expect_out '"planned": "2026-11-20"' "remind JSON: planned"
run remind --as-of 2026-11-20 --format json; expect_out '"planned": null' "remind JSON without the plan: null"
expect_rejected 2 "leave out --all" "remind --all --with-plan" remind --all --with-plan
finish
