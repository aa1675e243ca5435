# End-to-end: who and how (issue 17 item 4) — R7/R8 visits and R11 training ask for the assigned rep in
# person (by = "assigned", in_person = true in the shipped rules); a contact that does not qualify fulfils
# nothing, is not tagged automatically, and check-quota, the card and log-visit say why it did not count.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null
id_of() { sed -n 's/^logged #\([0-9]*\):.*/\1/p' "$WORK/out"; }

# HZ002 (li's, tier A): 刘建国's son's wedding on 11-06 (R7: a visit within 7 days).
export KEQING_NOW=2026-11-07T18:00
run log-visit HZ002 --visit --date 2026-11-07 --rep zhao
expect_rc 0 "zhao may visit li's customer"
expect_no_out "tagged:" "another rep's visit is not tagged for the wedding automatically"
run log-visit HZ002 --visit --date 2026-11-07 --rep zhao --occasion wedding
expect_rc 0 "a named obligation is tagged even when the contact cannot count"
ZHAO=$(id_of)
expect_out "  open; still to do: visit" "the wedding is still open"
expect_out "  it does not count: R7 needs the assigned rep in person (li was assigned on 11-07)" \
  "log-visit says why zhao's visit does not count"
run log-visit HZ002 --message --date 2026-11-07 --rep li --occasion wedding --note "恭喜恭喜"
MESSAGE=$(id_of)
expect_out "  it does not count: R7 needs the assigned rep in person (message is not in person)" \
  "a message is not in person"

run check-quota --customer HZ002 --as-of 2026-11-07
expect_out "HZ002 结婚 2026-11-06: contact #$ZHAO by zhao did not count: R7 needs the assigned rep in person" \
  "check-quota names the contact that did not count"
run check-quota --customer HZ002 --as-of 2026-11-07 --format json
python3 - "$WORK/out" "$ZHAO" "$MESSAGE" <<'PY' && pass || fail "json: the wedding open, not_counted with reasons"
import json, sys
d = json.load(open(sys.argv[1]))
w = [o for o in d["obligations"] if o["kind"] == "wedding"][0]
assert w["state"] == "open" and w["actions"][0]["contact"] is None, w
nc = w["not_counted"]
assert [(n["contact"], n["rep"], n["reason"]) for n in nc] == [(int(sys.argv[2]), "zhao", "other_rep"), (int(sys.argv[3]), "li", "not_in_person")], nc
assert nc[0]["assigned"] == "li" and "did not count" in nc[0]["text"], nc
PY
run roster show HZ002 --as-of 2026-11-07
expect_out "contact #$ZHAO by zhao did not count" "the card says why"
run remind --rep li --as-of 2026-11-08
expect_out "结婚 2026-11-06: visit" "remind still asks li for the visit"

# li's own visit fulfils it (tagged automatically: the one obligation li's visit can fulfil).
KEQING_NOW=2026-11-08T18:00 run log-visit HZ002 --visit --date 2026-11-08 --rep li
expect_out "the one open obligation it fits" "li's visit is tagged automatically"
expect_out "  done" "the wedding is done"
run check-quota --customer HZ002 --as-of 2026-11-08 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "json: the wedding done by li's visit"
import json, sys
w = [o for o in json.load(open(sys.argv[1]))["obligations"] if o["kind"] == "wedding"][0]
assert w["state"] == "done" and w["actions"][0]["contact"], w
PY
run check-quota --customer HZ002 --as-of 2026-11-08
expect_no_out "did not count" "nothing said once the wedding is done"

# A rules file without by / in_person: anyone's visit counts, as before.
grep -v '^by = "assigned"$' "$SRC/schemas/rules.toml" | grep -v '^in_person = true$' >"$WORK/anyone.toml"
run check-quota --customer HZ002 --as-of 2026-11-07 --rules "$WORK/anyone.toml" --format json
python3 - "$WORK/out" "$ZHAO" <<'PY' && pass || fail "without by/in_person zhao's visit fulfils the wedding"
import json, sys
w = [o for o in json.load(open(sys.argv[1]))["obligations"] if o["kind"] == "wedding"][0]
assert w["state"] == "done" and w["actions"][0]["contact"] == int(sys.argv[2]) and w["not_counted"] == [], w
PY

# R11 (formal training at an A customer): zhao's HZ003. A message with --training and li's training visit
# do not count; zhao's training visit does.
export KEQING_NOW=2026-11-10T18:00
run log-visit HZ003 --message --training --note "新品培训资料" --date 2026-11-10 --rep zhao
run log-visit HZ003 --visit --training --date 2026-11-10 --rep li
r11() { python3 -c 'import json,sys; g=[r for r in json.load(open(sys.argv[1]))["goals"] if r["rep"]=="zhao"][0]["goals"]["R11"]; print(g["done"], g["required"])' "$WORK/out"; }
run check-quota --rep zhao --as-of 2026-11-10 --format json
[ "$(r11)" = "0 1" ] && pass || fail "R11: neither a message nor li's visit counts for zhao ($(r11))"
python3 - "$WORK/out" <<'PY' && pass || fail "R11's detail says why each training did not count"
import json, sys
g = [r for r in json.load(open(sys.argv[1]))["goals"] if r["rep"] == "zhao"][0]["goals"]["R11"]
assert g["detail"] == ("training at HZ003 by li did not count: R11 needs the assigned rep in person (zhao's customer); "
                       "training at HZ003 by zhao did not count: R11 needs the assigned rep in person (message is not in person)"), g
PY
run check-quota --rep zhao --as-of 2026-11-10
expect_out "training at HZ003 by li did not count" "the table's detail starts with the first"
run log-visit HZ003 --visit --training --date 2026-11-10 --rep zhao
run check-quota --rep zhao --as-of 2026-11-10 --format json
[ "$(r11)" = "1 1" ] && pass || fail "R11: zhao's training visit counts ($(r11))"
run check-quota --rep zhao --as-of 2026-11-10
expect_no_out "training at HZ003" "nothing said once R11 is met"
finish
