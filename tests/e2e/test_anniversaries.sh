# End-to-end: recurring dates (issue 17 item 7) — an `anniversary` life event comes back every year on its
# day with the rules' window and actions (yearly = true), and each customer's opening day gives a 合作纪念日
# (seed 004) every year after the opening year (on = "opened_on"); both can be turned off in the rules.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
kinds_of() { # CODE: the kinds and days of a customer's obligations in check-quota's JSON
  python3 -c 'import json,sys; print(" ".join(o["kind"]+"@"+o["date"] for o in json.load(open(sys.argv[1]))["obligations"] if o["customer"]==sys.argv[2]))' "$WORK/out" "$1"
}
state_of() { # KIND CODE
  python3 -c 'import json,sys; print([o["state"] for o in json.load(open(sys.argv[1]))["obligations"] if o["kind"]==sys.argv[2] and o["customer"]==sys.argv[3]][0])' "$WORK/out" "$1" "$2"
}

# HZ005 (li's): the store's tenth anniversary, recorded last year on its day.
KEQING_NOW=2025-11-18T10:00 run roster event add HZ005 --kind anniversary --date 2025-11-18 --note "十周年店庆"
expect_rc 0 "an anniversary recorded in 2025"
run check-quota --customer HZ005 --as-of 2026-11-16 --format json
[ "$(kinds_of HZ005)" = "anniversary@2026-11-18" ] && pass || fail "the anniversary comes back on 2026-11-18 ($(kinds_of HZ005))"
[ "$(state_of anniversary HZ005)" = upcoming ] && pass || fail "upcoming before its day"
run check-quota --customer HZ005 --month 2025-11 --as-of 2025-11-30 --format json
[ "$(kinds_of HZ005)" = "anniversary@2025-11-18" ] && pass || fail "and in the year it was recorded"
run remind --rep li --as-of 2026-11-16
expect_out "重大纪念日 2026-11-18: visit" "remind lists this year's anniversary"
KEQING_NOW=2026-11-19T18:00 run log-visit HZ005 --visit --date 2026-11-19 --rep li
expect_out "(重大纪念日 2026-11-18) — the one open obligation it fits" "this year's visit is tagged for it"
expect_out "  done" "and fulfils it"
run check-quota --customer HZ005 --month 2027-11 --as-of 2027-11-20 --format json
[ "$(state_of anniversary HZ005)" = open ] && pass || fail "2027's is owed anew ($(state_of anniversary HZ005))"
# Off: yearly = false keeps it to the year recorded.
sed 's/^yearly = true .*$/yearly = false/' "$SRC/schemas/rules.toml" >"$WORK/once.toml"
run check-quota --customer HZ005 --as-of 2026-11-16 --format json --rules "$WORK/once.toml"
[ -z "$(kinds_of HZ005)" ] && pass || fail "with yearly = false it does not come back ($(kinds_of HZ005))"

# 合作纪念日: HZ013 (wang's) opened on 2023-11-13; HZ020 (zhao's) opened on 2026-11-10, this year.
run check-quota --customer HZ013 --as-of 2026-11-14 --format json
[ "$(kinds_of HZ013)" = "partnership@2026-11-13" ] && pass || fail "HZ013's third anniversary ($(kinds_of HZ013))"
[ "$(state_of partnership HZ013)" = open ] && pass || fail "open from its day for 7 days"
run check-quota --customer HZ020 --as-of 2026-11-14 --format json
[ -z "$(kinds_of HZ020)" ] && pass || fail "none in the opening year ($(kinds_of HZ020))"
run check-quota --customer HZ020 --month 2027-11 --as-of 2027-11-10 --format json
[ "$(kinds_of HZ020)" = "partnership@2027-11-10" ] && pass || fail "the first one a year later ($(kinds_of HZ020))"
run remind --rep wang --as-of 2026-11-14
expect_out "HZ013 方回春堂国药馆 — 合作纪念日 2026-11-13: message" "remind lists it"
KEQING_NOW=2026-11-14T18:00 run log-visit HZ013 --message --note "感谢三年来的合作" --date 2026-11-14 --rep wang
expect_out "tagged: partnership (合作纪念日 2026-11-13)" "a message is tagged for it automatically"
expect_out "  done" "and fulfils it"
run remind --rep wang --as-of 2026-11-15
expect_no_out "合作纪念日 2026-11-13" "remind stops once it is done"
run check-quota --customer HZ013 --month 2027-11 --as-of 2027-11-14 --format json
[ "$(state_of partnership HZ013)" = open ] && pass || fail "2027's is owed anew"
expect_rejected 3 "is not a life event kind" "an opening anniversary is not recorded by hand" \
  roster event add HZ013 --kind partnership --date 2026-11-13
# Off: without the [[event]] table that dates it by opened_on.
python3 - "$SRC/schemas/rules.toml" >"$WORK/no-partnership.toml" <<'PY'
import sys
text = open(sys.argv[1]).read()
print("\n[[event]]".join(t for t in text.split("\n[[event]]") if '\non = "opened_on"' not in t))
PY
run check-quota --customer HZ013 --as-of 2026-11-14 --format json --rules "$WORK/no-partnership.toml"
expect_rc 0 "the rules without 合作纪念日 load"
[ -z "$(kinds_of HZ013)" ] && pass || fail "turned off ($(kinds_of HZ013))"
finish
