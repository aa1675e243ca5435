# End-to-end: report — the same numbers as check-quota (one engine), breakdowns, ranges and trend,
# occasions, goals, data-quality flags, every format, and bad input.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null

# report --by customer equals check-quota, customer by customer, for several as-of days.
for as_of in 2026-11-05 2026-11-20 2026-11-30; do
  check-quota --all --month 2026-11 --as-of $as_of --format json >"$WORK/check.json"
  run report --month 2026-11 --as-of $as_of --by customer --format json
  python3 - "$WORK/check.json" "$WORK/out" <<'PY' && pass || fail "report equals check-quota as of $as_of"
import json, sys
check, rep = (json.load(open(p)) for p in sys.argv[1:3])
s = rep["summary"]
assert s["customer_months"] == check["summary"]["customers"]
for k in ("met", "on_track", "behind", "missed", "required", "done"):
    assert s[k] == check["summary"][k], k
assert abs(s["score"] - check["summary"]["score"]) < 1e-12
rows = {r["key"]: r for r in rep["rows"]}
assert set(rows) == {c["code"] for c in check["customers"]}
for c in check["customers"]:
    r = rows[c["code"]]
    assert abs(r["score"] - c["score"]) < 1e-12, c["code"]
    assert r[c["status"]] == 1, (c["code"], c["status"])
    for ch, v in c["channels"].items():
        assert r["channels"][ch]["required"] == v["required"], (c["code"], ch)
        assert r["channels"][ch]["done"] == min(v["done"], v["required"]), (c["code"], ch)
PY
done

run report --month 2026-11 --as-of 2026-11-20; expect_rc 0 "table report"
expect_out "Compliance report 2026-11 (as of 2026-11-20), by rep" "title"
expect_out "39 customer-months: score 72%, 12 met, 18 on track, 9 behind, 0 missed" "summary equals check-quota's"
expect_out "1  wang  王强" "rep ranking"
expect_out "Tier × channel" "tier x channel"
grep -qE '^结婚 \(wedding\) +R7 +1 +0 +0 +1 +0$' "$WORK/out" && pass || fail "occasions kept, kept late, overdue and missed"
expect_out "R10 problems solved per customer" "rep goals"
expect_out "R12–R17 complete visit checklists" "checklist completeness"
expect_out "possible duplicates (same customer, channel and day, beyond the channel's same_day_limit): 0" "no duplicates: the example data has no second visit a day"

# Tables, CSV and JSON carry the same numbers.
run report --month 2026-11 --as-of 2026-11-20 --format csv; cp "$WORK/out" "$WORK/r.csv"
run report --month 2026-11 --as-of 2026-11-20 --format json; cp "$WORK/out" "$WORK/r.json"
python3 - "$WORK/r.csv" "$WORK/r.json" <<'PY' && pass || fail "csv equals json"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
j = json.load(open(sys.argv[2]))
val = {(r["section"], r["key"], r["metric"]): r["value"] for r in rows}
assert float(val[("summary", "all", "score")]) == j["summary"]["score"]
for rep in j["reps"]:
    assert int(val[("rep", rep["key"], "rank")]) == rep["rank"]
    assert float(val[("rep", rep["key"], "visit_rate")]) == rep["channels"]["visit"]["rate"]
assert int(val[("quality", "all", "duplicates")]) == j["quality"]["duplicates"]
assert int(val[("tier", "A", "behind")]) == j["summary"]["tiers"]["A"]["behind"]
PY
run report --month 2026-11 --as-of 2026-11-20 --format markdown; expect_out "## Rep ranking" "markdown"; expect_out "| --- |" "markdown tables"

# Breakdowns and a team.
run report --month 2026-11 --as-of 2026-11-20 --by tier --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["key"] for r in d["rows"]] and {r["key"] for r in d["rows"]} == {"A","B","C"}' "$WORK/out" && pass || fail "--by tier"
run report --month 2026-11 --as-of 2026-11-20 --by team --format csv; expect_out "team,2026-11,华东一组,rank" "--by team"
# Markdown: whatever follows a table is set off by a blank line (else GFM reads it as one more row).
report --month 2026-11 --as-of 2026-11-20 --format markdown >"$WORK/r.md"
grep -q "and [0-9]* more" "$WORK/r.md" && pass || fail "the example month has a list cut in markdown"
python3 - "$WORK/r.md" <<'PY' && pass || fail "markdown: a line right under a table that is not a row"
import sys
lines = open(sys.argv[1]).read().split("\n")
bad = [b for a, b in zip(lines, lines[1:]) if a.startswith("|") and b.strip() and not b.startswith("|")]
sys.exit(1 if bad else 0)
PY
run report --month 2026-11 --as-of 2026-11-20 --by team
grep -E '^1 +华东一组 +李娜、王强 ' "$WORK/out" >/dev/null && pass || fail "--by team names each team by its reps"
grep -E '^2 +华东二组 +赵磊 ' "$WORK/out" >/dev/null && pass || fail "--by team: the second team's rep"
run report --month 2026-11 --as-of 2026-11-20 --team 华东二组 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["key"] for r in d["reps"]] == ["zhao"], d["reps"]' "$WORK/out" && pass || fail "--team"

# A range: one row per month in the trend; past months complete, the last as of the day.
run report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "range trend"
import json, sys
d = json.load(open(sys.argv[1]))
assert [(m["month"], m["as_of"]) for m in d["months"]] == [("2026-09", "2026-09-30"), ("2026-10", "2026-10-31"), ("2026-11", "2026-11-20")]
assert d["summary"]["customer_months"] == sum(m["customers"] for m in d["months"])
assert any(o["kind"] == "mid-autumn" and o["missed"] > 0 for o in d["occasions"]), d["occasions"]
PY
run report --from 2026-09 --to 2026-11 --as-of 2026-11-20; expect_out "Trend" "trend table"

# Data-quality flags: voided with reasons, implausible days with a stricter rule.
id=$(db_query "select min(id) from contacts")
log-visit --void "$id" --reason "录错客户" >/dev/null
sed 's/^max_visits_per_day = 12/max_visits_per_day = 2/' "$SRC/schemas/rules.toml" >"$WORK/strict.toml"
run report --month 2026-11 --as-of 2026-11-20 --rules "$WORK/strict.toml" --format json
python3 - "$WORK/out" <<'PY' && pass || fail "voided and implausible days flagged"
import json, sys
q = json.load(open(sys.argv[1]))["quality"]
assert q["voided"] == 1 and q["voided_contacts"][0]["reason"] == "录错客户"
assert q["max_visits_per_day"] == 2 and q["implausible_days"] and all(d["visits"] > 2 for d in q["implausible_days"])
assert q["late"] > 0 and q["late_contacts"][0]["logged_at"].startswith("2026-11-20")
PY

run report --month 2026-11 --as-of 2026-11-20 --output "$WORK/r.md" --format markdown; expect_rc 0 "--output"
grep -q "## Data quality" "$WORK/r.md" && pass || fail "--output writes the file"
expect_rejected 2 "not both" "month and range" report --month 2026-11 --from 2026-09
expect_rejected 2 "is after --to" "reversed range" report --from 2026-11 --to 2026-09
expect_rejected 3 "has no month 13" "bad month" report --month 2026-13
expect_rejected 2 "--by" "bad breakdown" report --by city
expect_rejected 3 "unknown team" "unknown team" report --team 火星组

# Duplicates per channel (rules: same_day_limit): a second visit to one customer on one day is listed, a
# second message is not, a fourth message is.
KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang log-visit HZ001 --visit --date 2026-11-19 --time 09:00 >/dev/null
KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang log-visit HZ001 --visit --date 2026-11-19 --time 09:05 >/dev/null
for t in 1 2; do KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang log-visit HZ004 --message --date 2026-11-18 >/dev/null; done
run report --month 2026-11 --as-of 2026-11-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "one possible duplicate: the second visit, not the second message"
import json, sys
q = json.load(open(sys.argv[1]))["quality"]
groups = [(g["customer"], g["channel"]) for g in q["duplicate_groups"]]
assert q["duplicates"] == 1 and groups == [("HZ001", "visit")], q
PY
for t in 1 2; do KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang log-visit HZ004 --message --date 2026-11-18 >/dev/null; done
run report --month 2026-11 --as-of 2026-11-20 --format json
python3 -c 'import json,sys; q=json.load(open(sys.argv[1]))["quality"]; sys.exit(0 if q["duplicates"] == 2 else 1)' "$WORK/out" \
  && pass || fail "four messages a day are past the message channel's same_day_limit of 3"
finish
