# End-to-end: manners at a terminal (issue 20 item 5). Under a pseudo-terminal (util-linux `script`):
# statuses in colour unless --color never, NO_COLOR or TERM=dumb; long output through $PAGER (a fake one
# records its calls) unless --no-pager or an empty KEQING_PAGER / PAGER, and printed plainly when the pager
# fails; imports' progress on standard error; never colour, pager or progress through a pipe. `-` reads
# every import from standard input.
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = sqlite ] || { echo "the terminal's manners do not depend on the backend"; exit 77; }
command -v script >/dev/null || { echo "no script(1) (util-linux)"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
unset NO_COLOR KEQING_PAGER LESS
export PAGER=cat # a pager waiting for keys under script(1) would hang the suite; the pager tests set their own
export TERM=xterm COLUMNS=100 LINES=40
ESC=$'\033'
CHECK="check-quota --all --month 2026-11 --as-of 2026-11-20"

# tty CMD…: runs CMD with standard output and error on a pseudo-terminal; their text in $WORK/out (line
# ends without \r), the raw bytes in $WORK/raw, CMD's exit status in rc.
tty() {
  script -qec "$(printf '%q ' "$@")" /dev/null </dev/null >"$WORK/raw" 2>"$WORK/err"
  rc=$?
  tr -d '\r' <"$WORK/raw" >"$WORK/out"
}
has_color() { grep -q "$ESC\[" "$WORK/raw"; }
expect_color() { if has_color; then pass; else fail "$1: no colour"; fi; }
expect_plain() { if has_color; then fail "$1: colour"; else pass; fi; }

# Colour: statuses on a terminal; off by flag, NO_COLOR (any non-empty value), TERM=dumb; never in a pipe.
tty $CHECK
expect_rc 1 "check-quota on a terminal"; expect_color "auto on a terminal"
grep -qF "${ESC}[33mbehind${ESC}[0m" "$WORK/raw" && pass || fail "behind is yellow"
tty $CHECK --color never; expect_plain "--color never"
tty env NO_COLOR=1 $CHECK; expect_plain "NO_COLOR=1"
tty env NO_COLOR= $CHECK; expect_color "an empty NO_COLOR is unset"
tty env TERM=dumb $CHECK; expect_plain "TERM=dumb"
tty env NO_COLOR=1 $CHECK --color always; expect_color "--color always wins over NO_COLOR"
$CHECK >"$WORK/raw" 2>"$WORK/err"; expect_plain "a pipe"
$CHECK --color always >"$WORK/raw" 2>"$WORK/err"; expect_color "--color always into a pipe"
$CHECK --color always --format json >"$WORK/raw" 2>"$WORK/err"; expect_plain "JSON never"
tty remind --rep li --as-of 2026-11-20; expect_color "remind's states"
tty roster show HZ012 --as-of 2026-11-20; expect_color "the card's status"
tty check-quota --all --month 2026-11 --as-of 2026-11-20 --color sometimes
expect_rc 2 "--color sometimes"

# The pager: a fake one records its calls and shows what it read.
cat >"$WORK/pager" <<SH
#!/bin/sh
echo "called \$*" >>"$WORK/pager.log"
exec cat
SH
chmod +x "$WORK/pager"
called() { [ -f "$WORK/pager.log" ] && wc -l <"$WORK/pager.log" || echo 0; }
paged() { # EXPECTED-CALLS DESCRIPTION
  local n; n=$(called); rm -f "$WORK/pager.log"
  [ "$n" -eq "$1" ] && pass || fail "$2: the pager was called $n times, expected $1"
}
tty env LINES=10 PAGER="$WORK/pager" $CHECK
paged 1 "a long table on a terminal"; expect_out "HZ012" "through the pager, the table"; expect_rc 1 "paged: the status"
tty env LINES=10 PAGER="$WORK/pager" $CHECK --format json; paged 1 "long JSON on a terminal"
tty env LINES=500 PAGER="$WORK/pager" $CHECK; paged 0 "a table shorter than the terminal"
tty env LINES=10 PAGER="$WORK/pager" $CHECK --no-pager; paged 0 "--no-pager"; expect_out "HZ012" "--no-pager: the table"
tty env LINES=10 PAGER="$WORK/pager" KEQING_PAGER= $CHECK; paged 0 "KEQING_PAGER empty"
tty env LINES=10 PAGER= $CHECK; paged 0 "PAGER empty"; expect_out "HZ012" "PAGER empty: the table"
tty env LINES=10 PAGER=false KEQING_PAGER="$WORK/pager --from-keqing" $CHECK
paged 1 "KEQING_PAGER before PAGER"
LINES=10 PAGER="$WORK/pager" $CHECK >"$WORK/out" 2>"$WORK/err"; paged 0 "a pipe"
# Its failures: printed plainly, the same status, nothing on stderr.
for pager in /nonexistent/pager false "sh -c 'exit 3'"; do
  tty env LINES=10 PAGER="$pager" $CHECK
  expect_rc 1 "PAGER=$pager: the status"; expect_out "HZ012" "PAGER=$pager: the table plainly"
  grep -q "^CODE " "$WORK/out" && pass || fail "PAGER=$pager: the header"
done
tty env LINES=10 PAGER="head -1" $CHECK
expect_rc 1 "PAGER=head -1: the status"; [ "$(wc -l <"$WORK/out")" -eq 1 ] && pass || fail "PAGER=head -1: one line"
[ ! -s "$WORK/err" ] && ! grep -qi "error\|pipe" "$WORK/out" && pass || fail "PAGER=head -1: quiet"
# A broken pipe without a terminal: quiet, and the status the command would have had.
$CHECK | head -1 >/dev/null 2>"$WORK/err"; status=${PIPESTATUS[0]}
[ "$status" -eq 1 ] && [ ! -s "$WORK/err" ] && pass || fail "| head -1: exit $status, stderr $(cat "$WORK/err")"

# Progress on standard error at a terminal (KEQING_PROGRESS_AFTER_MS=0: from the start), never elsewhere.
python3 - "$WORK" <<'PY'
import sys
def write(name, header, rows):
    with open(f"{sys.argv[1]}/{name}", "w") as f:
        f.write(header + "\n" + "".join(row + "\n" for row in rows))
write("many.csv", "customer,channel,date,note",
      (f"HZ{1 + i % 8:03d},message,2026-11-{1 + i % 19:02d},进度 {i}" for i in range(3000)))
write("customers.csv", "code,name,tier,rep", (f"PX{i:04d},测试药房{i},C,wang" for i in range(600)))
write("followups.csv", "customer,kind,body,opened_on,due_on",
      (f"HZ001,promise,送样品 {i},2026-11-02,2026-11-09" for i in range(300)))
write("complaints.csv", "customer,body,opened_on,due_on", (f"HZ002,发票开错 {i},2026-11-03,2026-11-10" for i in range(300)))
PY
tty env KEQING_PROGRESS_AFTER_MS=0 KEQING_NOW=2026-11-20T20:00 log-visit --import "$WORK/many.csv"
expect_rc 0 "log-visit --import on a terminal"
grep -qaE $'\rimported [0-9]+ of 3000 rows' "$WORK/raw" && pass || fail "log-visit --import: progress"
expect_out "3000" "log-visit --import: its summary"
tty env KEQING_PROGRESS_AFTER_MS=0 roster import "$WORK/customers.csv"
grep -qaE $'\rimported [0-9]+ of 600 rows' "$WORK/raw" && pass || fail "roster import: progress"
tty roster import "$WORK/customers.csv"
grep -qa "imported [0-9]* of" "$WORK/raw" && fail "a quick import: no progress" || pass
# Follow-ups and complaints go through the same import loop: the same progress.
tty env KEQING_PROGRESS_AFTER_MS=0 KEQING_NOW=2026-11-20T20:00 roster followup import "$WORK/followups.csv" --dry-run
grep -qaE $'\rimported [0-9]+ of 300 rows' "$WORK/raw" && pass || fail "roster followup import: progress"
expect_out "300 added" "roster followup import on a terminal: its summary"
tty env KEQING_PROGRESS_AFTER_MS=0 KEQING_NOW=2026-11-20T20:00 roster complaint import "$WORK/complaints.csv" --dry-run
grep -qaE $'\rimported [0-9]+ of 300 rows' "$WORK/raw" && pass || fail "roster complaint import: progress"
KEQING_PROGRESS_AFTER_MS=0 KEQING_NOW=2026-11-20T20:00 log-visit --import "$WORK/many.csv" --again --dry-run \
  >"$WORK/out" 2>"$WORK/err"
grep -q "imported [0-9]* of" "$WORK/err" && fail "progress into a file" || pass

# `-`: every import reads standard input.
sed 's/^PX/QX/' "$WORK/customers.csv" | roster import - >"$WORK/out" 2>"$WORK/err"
[ $? -eq 0 ] && expect_out "600" "roster import -"
printf 'id,name,team\nsun,孙八,华东二组\n' | roster rep import - >"$WORK/out" 2>"$WORK/err" && pass || fail "roster rep import -"
printf 'customer,name,role\nQX0001,钱七,店长\n' | roster person import - >"$WORK/out" 2>"$WORK/err" && pass ||
  fail "roster person import -"
printf 'customer,kind,date,person\nQX0001,wedding,2026-11-18,钱七\n' | KEQING_NOW=2026-11-20T20:00 \
  roster event import - >"$WORK/out" 2>"$WORK/err" && pass || fail "roster event import -"
printf 'customer,channel,date\nQX0001,visit,2026-11-19\n' | KEQING_NOW=2026-11-20T20:00 log-visit --import - \
  >"$WORK/out" 2>"$WORK/err" && pass || fail "log-visit --import -"
KEQING_NOW=2026-11-20T20:00 run log-visit --list QX0001 --from 2026-11-01 --format csv
expect_out "QX0001,visit,2026-11-19" "the contact read from stdin is stored"
finish
