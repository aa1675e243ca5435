# End-to-end: tables for people keep within the terminal — COLUMNS, 80 on a terminal that does not say,
# nothing cut for a pipe — by display width (a CJK character takes 2), and --wide prints them whole.
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = sqlite ] || { echo "the layout does not depend on the backend"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-20T20:00 roster event import "$SRC/examples/events.csv" >/dev/null

COMMANDS=(
  "check-quota --all --month 2026-11 --as-of 2026-11-20"
  "check-quota --rep wang --month 2026-11 --as-of 2026-11-20"
  "remind --rep li --as-of 2026-11-20"
  "remind --calendar 2027"
  "report --month 2026-11 --as-of 2026-11-20"
  "report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --by customer"
  "roster list"
  "roster show HZ002 --as-of 2026-11-20"
  "roster person list HZ001"
  "roster event list"
  "plan --rep wang --from 2026-11-20"
)
for cmd in "${COMMANDS[@]}"; do
  for cols in 80 60; do
    COLUMNS=$cols run $cmd
    w=$(widest "$WORK/out")
    if [ -s "$WORK/out" ] && [ "$w" -le "$cols" ]; then pass; else fail "COLUMNS=$cols $cmd: widest line $w"; fi
  done
done

# A long name: cut to the column on a terminal, whole with --wide (and --wide whatever COLUMNS says).
LONG=$(printf '药%.0s' $(seq 1 30))大药房
roster add HZ900 "$LONG" --tier A --rep wang --opened 2026-11-01 >/dev/null
COLUMNS=80 run check-quota --rep wang --month 2026-11 --as-of 2026-11-20
expect_no_out "$LONG" "COLUMNS=80: the long name is cut"; expect_out "HZ900  药药" "COLUMNS=80: its start is shown"
[ "$(widest "$WORK/out")" -le 80 ] && pass || fail "COLUMNS=80 with a 66-column name"
COLUMNS=80 run check-quota --rep wang --month 2026-11 --as-of 2026-11-20 --wide
expect_out "$LONG" "--wide: the name whole"
expect_out "behind    visit +5 to pace, call +2 to pace, message +2 to pace" "--wide: TO DO on its row"
for cmd in "report --month 2026-11 --as-of 2026-11-20 --by customer" "roster list"; do
  COLUMNS=60 run $cmd --wide; expect_out "$LONG" "--wide: $cmd whole"
done
# A pipe without COLUMNS gets the table whole: the TO DO column beside its row, the name as before.
env -u COLUMNS "$BIN/check-quota" --all --month 2026-11 --as-of 2026-11-20 >"$WORK/out" </dev/null
expect_out "HZ012  张同泰(清河坊店)" "a pipe: the row whole"
expect_out "visit +3 to pace, call +1 to pace, message +1 to pace" "a pipe: TO DO whole on its row"
# At 80 columns the TO DO goes under its row, and JSON is never folded.
COLUMNS=80 run check-quota --all --month 2026-11 --as-of 2026-11-20
grep -qE '^ +visit \+3 to pace, call \+1 to pace, message \+1 to pace$' "$WORK/out" && pass ||
  fail "COLUMNS=80: TO DO under its row"
COLUMNS=20 run check-quota --all --month 2026-11 --as-of 2026-11-20 --format json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" && pass || fail "JSON is never folded"
[ "$(widest "$WORK/out")" -gt 20 ] && pass || fail "JSON lines whole"
# The README's own samples of tables and digests keep within 80 columns (transcripts are piped: whole).
python3 - "$SRC/README.md" <<'PY' && pass || fail "README samples within 80 columns"
import sys, unicodedata
w = lambda l: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
bad, fence, block = [], None, []  # ``` and ```text blocks that are samples (transcripts, `$ …`, are not)
for l in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if l.startswith("```"):
        if fence in ("", "text") and not any(b.startswith("$ ") for b in block):
            bad += [b for b in block if w(b) > 80 and ": error: " not in b]  # stderr: one line
        fence, block = (None, []) if fence is not None else (l[3:], [])
    elif fence is not None:
        block.append(l)
for l in bad:
    print("too wide:", w(l), l, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
finish
