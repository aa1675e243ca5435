# End-to-end: remind — the cron digest per rep: order, formats (text for mail, markdown, json, ics with
# stable UIDs), --output-dir, exit statuses, determinism, and a whole month day by day.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null

run remind --rep wang --as-of 2026-11-20; expect_rc 1 "something due: exit 1"
head -1 "$WORK/out" | grep -q '^Subject: keqing: 7 reminders for wang (王强), 2026-11-20$' && pass || fail "subject line first"
expect_out "DUE TODAY [R6] by 2026-11-20 · HZ001 康泰大药房 · 张丽 — 生日 2026-11-20: message with a personal note" "birthday item"
expect_out "张丽 活泼型: 与活泼型一起快乐" "personality hint with the birthday"
expect_out "likes: 爱喝普洱茶" "recorded preferences"
expect_out "[R1] by 2026-11-20 · HZ007 海王星辰(文三路店) — visit: 3 more to be on pace" "behind-pace item"
grep -q $'\033' "$WORK/out" && fail "no color when not a terminal" || pass
diff -q "$WORK/out" "$SRC/examples/cron/example-mail.txt" >/dev/null && pass || fail "examples/cron/example-mail.txt is what remind prints"

run remind --rep li --as-of 2026-11-10
sed -n 5p "$WORK/out" | grep -q "OVERDUE" && pass || fail "overdue items come first"
expect_out "结婚 2026-11-06: visit" "wedding visit owed (R7)"

run remind --rep zhao --as-of 2026-11-20 --format markdown; expect_out "# keqing:" "markdown title"; expect_out "1. **" "markdown list"
run remind --all --as-of 2026-11-20 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "json digest"
import json, sys
d = json.load(open(sys.argv[1]))
assert [x["rep"] for x in d] == ["li", "wang", "zhao"], [x["rep"] for x in d]
items = [i for x in d for i in x["items"]]
assert all({"uid", "kind", "rule", "state", "due", "what"} <= set(i) for i in items)
assert any(i["kind"] == "goal" for i in items)
assert {i["rule"] for i in items if i["kind"] == "obligation"} <= {"R4", "R5", "R6", "R7", "R8"}
PY

# iCalendar: CRLF, folded lines, one VEVENT per item, UIDs stable from one day to the next.
run remind --rep li --as-of 2026-11-20 --format ics; cp "$WORK/out" "$WORK/a.ics"
python3 - "$WORK/a.ics" <<'PY' && pass || fail "ics is RFC 5545 shaped"
import sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
lines = raw.split(b"\r\n")[:-1]
assert all(len(l) <= 75 for l in lines), max(len(l) for l in lines)
assert b"\n" not in raw.replace(b"\r\n", b"")
assert raw.count(b"BEGIN:VEVENT") == raw.count(b"END:VEVENT") > 0
uids = [l for l in lines if l.startswith(b"UID:")]
assert len(uids) == len(set(uids)) == raw.count(b"BEGIN:VEVENT")
PY
run remind --rep li --as-of 2026-11-21 --format ics
uid=$(grep -m1 '^UID:goal-R10' "$WORK/a.ics" | tr -d '\r')
[ -n "$uid" ] && grep -q "^$uid" "$WORK/out" && pass || fail "the same reminder keeps its UID the next day"

# Deterministic for a given as-of.
# (Both runs must succeed and say something: two identical failures would compare equal too.)
remind --all --as-of 2026-11-15 >"$WORK/one" 2>&1; first=$?; remind --all --as-of 2026-11-15 >"$WORK/two" 2>&1; second=$?
[ "$first" -le 1 ] && [ "$second" -le 1 ] && grep -q "HZ" "$WORK/one" && cmp -s "$WORK/one" "$WORK/two" && pass ||
  fail "deterministic output (exit $first and $second)"

# --output-dir: one file per rep with something due.
run remind --all --as-of 2026-11-20 --output-dir "$WORK/mail"; expect_rc 1 "output-dir exit"
[ -f "$WORK/mail/wang.txt" ] && [ -f "$WORK/mail/li.txt" ] && head -1 "$WORK/mail/wang.txt" | grep -q '^Subject:' \
  && pass || fail "one mail file per rep"
run remind --all --as-of 2026-11-20 --output-dir "$WORK/cal" --format ics
[ -f "$WORK/cal/zhao.ics" ] && pass || fail "ics per rep"

# A rep with nothing due: exit 0.
roster rep add sun --name 孙 >/dev/null
run remind --rep sun --as-of 2026-11-20; expect_rc 0 "nothing due: exit 0"; expect_out "Nothing due for sun" "nothing due text"
expect_rejected 3 "unknown rep 'ghost'" "unknown rep" remind --rep ghost --as-of 2026-11-20
expect_rejected 2 "--format must be" "bad format" remind --all --format pdf
expect_rejected 2 "--days" "bad horizon" remind --all --days -1
expect_rejected 3 "is not a real date" "bad as-of" remind --all --as-of 2026-11-31

# remind --all reads a few reps at a time (KEQING_REMIND_BATCH): the same bytes however many at a time, and
# each rep's part is that rep's own digest, in rep id order — across a hand-over (HZ001 from wang to zhao on
# 11-18), a rep with nothing due (sun) and one whose team sorts first (xu, given HZ002 on 11-01).
roster assign HZ001 zhao --from 2026-11-18 >/dev/null
roster rep add xu --name 徐 --team 0-north >/dev/null
roster assign HZ002 xu --from 2026-11-01 >/dev/null
for day in 2026-11-10 2026-11-20; do
  for format in text json ics; do
    remind --all --as-of $day --format $format >"$WORK/whole" 2>&1
    for batch in 1 2; do
      KEQING_REMIND_BATCH=$batch remind --all --as-of $day --format $format >"$WORK/batch$batch" 2>&1
      cmp -s "$WORK/whole" "$WORK/batch$batch" && pass || fail "remind --all $day $format, $batch rep(s) at a time"
    done
  done
  KEQING_REMIND_BATCH=1 remind --all --as-of $day --format json >"$WORK/all.json"
  for rep in li sun wang xu zhao; do remind --rep $rep --as-of $day --format json >"$WORK/rep-$rep.json"; done
  python3 - "$WORK" <<'PY' && pass || fail "remind --all $day is each rep's own digest, in rep id order"
import json, sys
w = sys.argv[1]
streamed = json.load(open(w + "/all.json"))
alone = [json.load(open(f"{w}/rep-{r}.json"))[0] for r in ["li", "sun", "wang", "xu", "zhao"]]
expected = [d for d in alone if d["items"]]
assert streamed == expected, ([d["rep"] for d in streamed], [d["rep"] for d in expected])
assert len(expected) >= 3 and any(i["customer"] == "HZ001" for d in streamed for i in d["items"])
assert any(d["rep"] == "xu" for d in expected)
PY
done

# The whole month, day by day: every obligation reminded before its window closes, never once done.
python3 "$SRC/tests/e2e/remind_month.py" "$BIN" 2026-11 >"$WORK/month" 2>&1 && pass || { fail "November day by day"; cat "$WORK/month" >&2; }
python3 "$SRC/tests/e2e/remind_month.py" "$BIN" 2026-09 >"$WORK/month" 2>&1 && pass || { fail "September (mid-autumn) day by day"; cat "$WORK/month" >&2; }
finish
