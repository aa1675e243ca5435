# End-to-end: an overdue obligation is actionable (issue 17 item 2) — a contact within overdue_days after
# the window fulfils it as "done late", named with --occasion or tagged automatically when no open
# obligation fits; check-quota, the card and the report show it apart from the ones kept on time; remind
# stops reminding it; after overdue_days it can no longer be tagged.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null

# HZ002's 刘建国 has his birthday on 11-26 (R6: a message with a note, that day only).
run remind --rep li --as-of 2026-11-27; expect_out "OVERDUE [R6] by 2026-11-26 · HZ002" "the birthday is overdue on 11-27"
export KEQING_NOW=2026-11-27T18:00
run log-visit HZ002 --message --note "补祝生日快乐,钓鱼愉快" --date 2026-11-27 --occasion birthday --rep li
expect_rc 0 "an overdue birthday can be logged with --occasion"
expect_out "late: window closed 2026-11-26" "says it is late"
expect_out "  done late" "the obligation is done late"
run check-quota --customer HZ002 --as-of 2026-11-27
expect_out "done late" "check-quota shows done late"
run check-quota --customer HZ002 --as-of 2026-11-27 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "json: state done_late, the contact recorded"
import json, sys
d = json.load(open(sys.argv[1]))
o = [o for o in d["obligations"] if o["kind"] == "birthday"]
assert len(o) == 1 and o[0]["state"] == "done_late" and o[0]["actions"][0]["contact"], o
PY
run remind --rep li --as-of 2026-11-27; expect_no_out "[R6] by 2026-11-26 · HZ002" "remind stops once it is done late"
run roster show HZ002; expect_out "done late" "the card shows done late"

# The wedding of 11-06 (a visit within 7 days, overdue until 11-20): a visit on 11-16 with no --occasion
# fits no open obligation, so it is tagged to the overdue wedding.
KEQING_NOW=2026-11-16T20:00 run log-visit HZ002 --visit --date 2026-11-16 --rep li
expect_out "the one overdue obligation it fits" "automatic tag of an overdue obligation"
expect_out "  done late" "the wedding is done late"

# More than overdue_days (7) after the window (the birthday of 11-26): refused, nothing stored.
export KEQING_NOW=2026-12-04T09:00
expect_rejected 3 "has no such obligation" "past overdue_days" \
  log-visit HZ002 --message --note "迟到的祝福" --date 2026-12-04 --occasion birthday --rep li

# The report keeps late apart from on time.
run report --month 2026-11 --as-of 2026-11-30 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "report json: done_late counted apart from done"
import json, sys
d = json.load(open(sys.argv[1]))
occ = {o["kind"]: o for o in d["occasions"]}
assert occ["birthday"]["done_late"] >= 1 and occ["wedding"]["done_late"] == 1, occ
assert all(o["total"] == sum(o[s] for s in ("upcoming", "open", "done", "overdue", "missed", "done_late")) for o in occ.values()), occ
PY
run report --month 2026-11 --as-of 2026-11-30; expect_out "DONE LATE" "report text: a done-late column"
run report --month 2026-11 --as-of 2026-11-30 --format csv; expect_out "occasion,2026-11,wedding,done_late,1" "report csv: done_late line"
finish
