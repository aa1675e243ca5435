# End-to-end: one lateness rule (issue 17 item 5) — with count_late = false a contact logged more than
# late_after_days after it happened fulfils no quota, no occasion and no goal; check-quota and log-visit say
# why the occasion stayed open, and the report's kept counts follow. With count_late = true it counts.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
sed 's/^count_late = true$/count_late = false/' "$SRC/schemas/rules.toml" >"$WORK/strict.toml"
grep -q '^count_late = false$' "$WORK/strict.toml" && pass || fail "the strict rules file says count_late = false"
id_of() { sed -n 's/^logged #\([0-9]*\):.*/\1/p' "$WORK/out"; }
birthday() { # STATE of HZ001's birthday (张丽, 11-20) in check-quota's JSON
  python3 -c 'import json,sys; print([o for o in json.load(open(sys.argv[1]))["obligations"] if o["kind"]=="birthday" and o["person"]=="张丽"][0]["state"])' "$WORK/out"
}
r9() { python3 -c 'import json,sys; print([r for r in json.load(open(sys.argv[1]))["goals"] if r["rep"]=="wang"][0]["goals"]["R9"]["done"])' "$WORK/out"; }
kept() { # done birthdays in the report
  python3 -c 'import json,sys; print([o for o in json.load(open(sys.argv[1]))["occasions"] if o["kind"]=="birthday"][0]["done"])' "$WORK/out"
}

# The examples were imported on 11-20, so their contacts before 11-17 are late already: each rules file has
# its own starting point.
run check-quota --rep wang --as-of 2026-11-25 --format json; R9_BEFORE=$(r9)
run check-quota --rep wang --as-of 2026-11-25 --format json --rules "$WORK/strict.toml"; R9_STRICT=$(r9)
run report --month 2026-11 --as-of 2026-11-30 --format json; KEPT_BEFORE=$(kept)
run report --month 2026-11 --as-of 2026-11-30 --format json --rules "$WORK/strict.toml"; STRICT_BEFORE=$(kept)

# 张丽's birthday (11-20), greeted that day but logged five days later (late_after_days = 3), asking for help.
KEQING_NOW=2026-11-25T09:00 run log-visit HZ001 --message --note "生日快乐,普洱茶一盒" --date 2026-11-20 \
  --occasion birthday --asked-help --rep wang --rules "$WORK/strict.toml"
expect_rc 0 "a late contact is still logged"
LATE=$(id_of)
expect_out "flagged late: logged 5 days after it happened (rules allow 3); it counts toward no quota, occasion or goal" \
  "log-visit says a late contact counts toward nothing"
expect_out "  it does not count: logged 5 days after it happened, and late contacts do not count (count_late = false)" \
  "log-visit says why the birthday is not done"

# count_late = true (the shipped rules): it fulfils the birthday and counts for R9.
run check-quota --customer HZ001 --as-of 2026-11-25 --format json
[ "$(birthday)" = done ] && pass || fail "count_late = true: the birthday is done ($(birthday))"
run check-quota --rep wang --as-of 2026-11-25 --format json
[ "$(r9)" = $((R9_BEFORE + 1)) ] && pass || fail "count_late = true: R9 counts it ($(r9), before $R9_BEFORE)"
run report --month 2026-11 --as-of 2026-11-30 --format json
[ "$(kept)" = $((KEPT_BEFORE + 1)) ] && pass || fail "count_late = true: the report keeps the birthday ($(kept), before $KEPT_BEFORE)"

# count_late = false: the birthday stays open (overdue), R9 and the report's kept count do not move.
run check-quota --customer HZ001 --as-of 2026-11-25 --format json --rules "$WORK/strict.toml"
[ "$(birthday)" = overdue ] && pass || fail "count_late = false: the birthday is overdue ($(birthday))"
python3 - "$WORK/out" "$LATE" <<'PY' && pass || fail "json: not_counted logged_late with the days"
import json, sys
o = [o for o in json.load(open(sys.argv[1]))["obligations"] if o["kind"] == "birthday" and o["person"] == "张丽"][0]
assert [(n["contact"], n["reason"], n["days_late"]) for n in o["not_counted"]] == [(int(sys.argv[2]), "logged_late", 5)], o
PY
run check-quota --customer HZ001 --as-of 2026-11-25 --rules "$WORK/strict.toml"
expect_out "HZ001 生日 2026-11-20: contact #$LATE by wang did not count: logged 5 days after it happened" "check-quota says why"
run check-quota --rep wang --as-of 2026-11-25 --format json --rules "$WORK/strict.toml"
[ "$(r9)" = "$R9_STRICT" ] && pass || fail "count_late = false: R9 does not count it ($(r9), before $R9_STRICT)"
run report --month 2026-11 --as-of 2026-11-30 --format json --rules "$WORK/strict.toml"
[ "$(kept)" = "$STRICT_BEFORE" ] && pass || fail "count_late = false: the report does not keep it ($(kept), before $STRICT_BEFORE)"
run report --month 2026-11 --as-of 2026-11-30 --rules "$WORK/strict.toml"
expect_out "contact #$LATE by wang did not count" "the report's not-kept list says why"
finish
