# End-to-end: what customers' files lack (issue 18 item 3) — `roster gaps` per rep, team or all in table,
# CSV and JSON; the card's gaps; remind names a customer's gaps one day in seven; a rep on a team server
# sees only its own customers' gaps.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang

# HZ013 (wang's) has no people on file and no visit intel since August.
run roster gaps --as-of 2026-11-20
expect_rc 0 "roster gaps for the current rep"
expect_out "HZ013  方回春堂国药馆" "HZ013 is listed"
expect_out "no 店长 or 采购 on file; no visit intel (R12–R17) since 2026-08-21" "with both gaps"
expect_no_out "zhao" "only wang's customers"
run roster gaps --all --as-of 2026-11-20 --format csv
head -1 "$WORK/out" | grep -qx 'code,name,rep,gap,people' && pass || fail "CSV header"
grep -q '^HZ013,方回春堂国药馆,wang,no_visit_intel,$' "$WORK/out" && pass || fail "CSV row per gap"
grep -q ',zhao,' "$WORK/out" && pass || fail "--all lists every rep's customers"
run roster gaps --team 华东二组 --as-of 2026-11-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "JSON of a team"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["as_of"] == "2026-11-20"
assert d["customers"] and all(c["rep"] == "zhao" for c in d["customers"]), d
assert all(g["gap"] in ("no_key_person", "no_birthday", "no_personality", "no_visit_intel")
           for c in d["customers"] for g in c["gaps"])
PY

# People fill the gaps: a 店长 with a birthday and a personality, and a visit that records intel.
roster person add HZ013 王芳 --role 店长 --birthday 05-12 --personality 活泼 >/dev/null
roster person add HZ013 小陈 --role 店员 >/dev/null
run roster show HZ013 --as-of 2026-11-20
expect_out "gaps (what the file should hold)" "the card shows its gaps"
expect_out "no birthday for 小陈" "a person without a birthday"
expect_no_out "no 店长 or 采购" "the 店长 is on file"
log-visit HZ013 --date 2026-11-20 --family "小陈下月结婚" >/dev/null
run roster gaps --as-of 2026-11-20 --format csv
grep -q '^HZ013,.*,no_visit_intel' "$WORK/out" && fail "the visit's intel is counted" || pass
grep -q '^HZ013,方回春堂国药馆,wang,no_birthday,小陈$' "$WORK/out" && pass || fail "小陈's birthday still missing"

# remind names a customer's gaps at most once a week: on one day of any seven, and then as "file: …".
days=0
for d in 16 17 18 19 20 21 22; do
  remind --rep wang --as-of 2026-11-$d >"$WORK/out" 2>&1
  grep -q 'HZ013 方回春堂国药馆 — file: ' "$WORK/out" && days=$((days + 1))
done
[ "$days" -eq 1 ] && pass || fail "HZ013's gaps named on $days of 7 days, expected 1"
remind --rep wang --as-of 2026-11-20 --format json >"$WORK/out"
python3 - "$WORK/out" <<'PY' && pass || fail "gaps items in JSON come last"
import json, sys
items = json.load(open(sys.argv[1]))[0]["items"]
kinds = [i["kind"] for i in items]
assert "gaps" in kinds and kinds[kinds.index("gaps"):] == ["gaps"] * kinds.count("gaps"), kinds
PY

expect_rejected 2 "" "roster gaps with an unknown format" roster gaps --format xml

if [ "$BACKEND" = postgresql ]; then
  pg_role li keqing_rep
  as li roster gaps --all --as-of 2026-11-20 --format csv </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
  expect_rc 0 "a rep lists gaps on the team server"
  ! grep -q ',wang,\|,zhao,' "$WORK/out" && grep -q ',li,' "$WORK/out" && pass || fail "li sees only its customers' gaps: $(head -3 "$WORK/out")"
fi
finish
