# End-to-end: writing (issue 15 item 3). A failed write on standard output, --output or --output-dir is
# exit 4 with the system's reason on one line, for every tool and format; a reader that went away
# (`| head -1`) is not an error; files replace their target whole (no partial file, a previous one kept);
# digests are 0600 in a 0700 folder whatever the umask, and those of reps with nothing due are removed.
# A full disk is a 4 MiB tmpfs in a private mount namespace (root only: those cases are skipped
# otherwise); a file size limit (ulimit -f, SIGXFSZ ignored) makes the same failures anywhere.
if [ -z "${KEQING_MOUNT_NS:-}" ] && unshare -m true 2>/dev/null; then KEQING_MOUNT_NS=1 exec unshare -m bash "$0" "$@"; fi
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null
M="--month 2026-11 --as-of 2026-11-20"

# full STATUS DESC CMD…: CMD with stdout on /dev/full exits 4 with one line giving the reason (and would
# have exited STATUS, checked first with stdout on /dev/null: the case is real).
full() {
  local status=$1 desc=$2
  shift 2
  "$@" </dev/null >/dev/null 2>&1
  rc=$?
  [ "$rc" -eq "$status" ] && pass || fail "$desc: exit $rc with stdout on /dev/null, expected $status"
  "$@" </dev/null >/dev/full 2>"$WORK/err"
  rc=$?
  : >"$WORK/out"
  expect_rc 4 "$desc > /dev/full"
  expect_err "cannot write to standard output: No space left on device" "$desc > /dev/full says why"
}

# A command that stores something says only that its output is incomplete: the contact is logged.
run log-visit HZ001 --call --note 输出满了
log-visit HZ001 --message --note 输出满了 </dev/null >/dev/full 2>"$WORK/err"; rc=$?
expect_rc 4 "log-visit > /dev/full"
expect_err "the command itself completed, but its output is incomplete" "log-visit > /dev/full says the command completed"
[ "$(db_query "select count(*) from contacts where note = '输出满了'")" = 2 ] && pass || fail "log-visit > /dev/full stored the contact"
roster rep add zhou --name 周 </dev/null >/dev/full 2>"$WORK/err"; rc=$?
expect_rc 4 "roster rep add > /dev/full"
[ "$(db_query "select count(*) from reps where id = 'zhou'")" = 1 ] && pass || fail "roster rep add > /dev/full added the rep"

# Everything below writes files and streams, the same on every backend: it runs on the SQLite pass only
# (the PostgreSQL pass checks above that what a command stored stays stored when its output fails).
if [ "$BACKEND" != sqlite ]; then finish; exit; fi

# Standard output on a full device, every tool and format.
for f in table csv json; do
  full 1 "check-quota --all --format $f" check-quota --all $M --format $f
  full 1 "check-quota (one rep) --format $f" check-quota $M --format $f
done
full 1 "check-quota --customer" check-quota --customer HZ001 $M
for f in text markdown json ics; do full 1 "remind --format $f" remind --all --as-of 2026-11-20 --format $f; done
for f in text csv json; do full 0 "remind --calendar --format $f" remind --calendar 2027 --format $f; done
for f in table csv json markdown html; do
  full 0 "report --format $f" report $M --format $f
  full 0 "report --by customer --format $f" report $M --by customer --format $f
  full 0 "report --format $f -o -" report $M --format $f -o -
done
for f in table csv json; do
  full 0 "roster list --format $f" roster list --as-of 2026-11-20 --format $f
  full 0 "roster rep list --format $f" roster rep list --format $f
  full 0 "roster person list --format $f" roster person list --format $f
done
full 0 "roster show" roster show HZ001 --as-of 2026-11-20
full 0 "roster export" roster export --as-of 2026-11-20
full 0 "roster export -o -" roster export --as-of 2026-11-20 -o -
full 0 "roster event list" roster event list --from 2026-11-01 --to 2026-11-30
full 0 "log-visit --dry-run" log-visit HZ001 --call --dry-run
for tool in roster log-visit check-quota remind report; do
  full 0 "$tool --help" $tool --help
  full 0 "$tool --version" $tool --version
done
# Standard output closed: nothing opened later takes its place, and writing to it is exit 4.
report $M </dev/null >&- 2>"$WORK/err"; rc=$?
expect_rc 4 "report with stdout closed"
expect_err "cannot write to standard output: Bad file descriptor" "report with stdout closed says why"
remind --all --as-of 2026-11-20 --output-dir "$WORK/closed" </dev/null >&- 2>"$WORK/err"; rc=$?
expect_rc 1 "remind --output-dir prints nothing to stdout: a closed stdout is no error"

# --output into a folder that does not exist, or onto a device: exit 4 with the reason.
expect_rejected 4 "--output $WORK/nope/r.csv: cannot create the file: No such file or directory" \
  "report -o in a missing folder" report $M -o "$WORK/nope/r.csv"
expect_rejected 4 "--output $WORK/nope/c.csv: cannot create the file: No such file or directory" \
  "roster export -o in a missing folder" roster export -o "$WORK/nope/c.csv"
for f in table csv json markdown html; do
  expect_rejected 4 "--output /dev/full: cannot write: No space left on device" "report --format $f -o /dev/full" \
    report $M --format $f -o /dev/full
done
expect_rejected 4 "--output /dev/full: cannot write: No space left on device" "roster export -o /dev/full" \
  roster export -o /dev/full
# A read-only file stays so, as under a shell's redirection (root's override of file permissions dropped,
# as in test_storage.sh; not on PostgreSQL as root: without it, root cannot reach the server's private
# socket folder, and the case is about the file, not the backend).
if [ "$(id -u)" -ne 0 ] || [ "$BACKEND" = sqlite ]; then
  UNPRIV=()
  if [ "$(id -u)" -eq 0 ]; then
    UNPRIV=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search --)
  fi
  echo "kept" >"$WORK/ro.csv"
  chmod 444 "$WORK/ro.csv"
  expect_rejected 4 "--output $WORK/ro.csv: cannot create the file: Permission denied" "report -o onto a read-only file" \
    "${UNPRIV[@]}" report $M --format csv -o "$WORK/ro.csv"
  [ "$(cat "$WORK/ro.csv")" = kept ] && pass || fail "a read-only file is left as it was"
fi
run report $M -o /dev/null; expect_rc 0 "report -o /dev/null"
[ -c /dev/null ] && pass || fail "/dev/null is still a device"

# A larger company for outputs bigger than a pipe's buffer: 3,000 more customers, none contacted.
awk 'BEGIN { print "code,name,tier,rep,opened_on"; for (i = 0; i < 3000; i++) printf "BIG%04d,大药房%d,A,%s,2026-01-01\n", i, i, (i % 2 ? "li" : "wang") }' \
  >"$WORK/big.csv"
roster import "$WORK/big.csv" >/dev/null || { echo "could not import the big roster"; exit 1; }

# piped STATUS DESC CMD…: `CMD | head -1` exits as CMD alone would (STATUS), nothing on stderr.
piped() {
  local status=$1 desc=$2 size
  shift 2
  size=$("$@" </dev/null 2>/dev/null | wc -c)
  [ "$size" -gt 100000 ] && pass || fail "$desc: $size bytes are too few to fill a pipe (64 KiB)"
  "$@" </dev/null 2>"$WORK/err" | head -1 >"$WORK/out"
  rc=${PIPESTATUS[0]}
  expect_rc "$status" "$desc | head -1"
  expect_no_err "$desc | head -1"
  [ "$(wc -l <"$WORK/out")" = 1 ] && pass || fail "$desc | head -1 prints one line"
}
for f in table csv json; do piped 1 "check-quota --all --format $f" check-quota --all $M --format $f; done
for f in text markdown json ics; do piped 1 "remind --all --format $f" remind --all --as-of 2026-11-20 --format $f; done
for f in table csv json markdown html; do piped 0 "report --by customer --format $f" report $M --by customer --format $f; done
for f in table csv json; do piped 0 "roster list --format $f" roster list --as-of 2026-11-20 --format $f; done
piped 0 "roster export" roster export --as-of 2026-11-20

# A file size limit (SIGXFSZ ignored, so writes fail with EFBIG): the output file is never left partial,
# and a previous file of the same name is left as it was.
limited() { (trap '' XFSZ; ulimit -f 64; "$@"); }
for f in table csv json markdown html; do
  echo "the previous report" >"$WORK/r.$f"
  snapshot
  run limited report $M --by customer --format $f -o "$WORK/r.$f"
  expect_rc 4 "report --format $f -o over the size limit"
  expect_err "--output $WORK/r.$f: cannot write: File too large; the file was left as it was" \
    "report --format $f -o over the size limit says why"
  [ "$(cat "$WORK/r.$f")" = "the previous report" ] && pass || fail "report --format $f: the previous file is kept"
  expect_unchanged "report --format $f -o over the size limit"
done
run limited roster export -o "$WORK/new.csv"
expect_rc 4 "roster export -o over the size limit"
expect_err "--output $WORK/new.csv: cannot write: File too large" "roster export -o over the size limit says why"
[ ! -e "$WORK/new.csv" ] && pass || fail "roster export -o over the size limit leaves no file"
[ -z "$(find "$WORK" -maxdepth 1 -name '.*.tmp')" ] && pass || fail "no temporary file is left behind"

# Digests: 0600 in a 0700 folder whatever the umask.
(umask 000; remind --all --as-of 2026-11-20 --output-dir "$WORK/spool/mail" >/dev/null 2>&1)
[ "$(stat -c %a "$WORK/spool" "$WORK/spool/mail" | sort -u)" = 700 ] && pass || fail "digest folders are 0700"
[ "$(stat -c %a "$WORK"/spool/mail/*.txt | sort -u)" = 600 ] && pass || fail "digests are 0600 under umask 000"
[ "$(stat -c %a "$WORK/spool/mail/.keqing-digests")" = 600 ] && pass || fail "the digest record is 0600"
mkdir -m 755 "$WORK/mine"
(umask 000; remind --all --as-of 2026-11-20 --output-dir "$WORK/mine" --format ics >/dev/null 2>&1)
[ "$(stat -c %a "$WORK/mine")" = 755 ] && pass || fail "an existing folder keeps its mode"
[ "$(stat -c %a "$WORK"/mine/*.ics | sort -u)" = 600 ] && pass || fail "ics digests are 0600 under umask 000"

# Stale digests: a rep with something due one day and nothing the next loses yesterday's file; files
# keqing did not write, and other formats' digests, stay.
roster rep add sun --name 孙 --team 华东一组 >/dev/null
roster add SUN01 孙氏药房 --tier A --rep sun --opened 2026-10-01 >/dev/null
mkdir -p "$WORK/daily"
echo "the mailer's own notes" >"$WORK/daily/notes.txt"
echo "not keqing's" >"$WORK/daily/sun2.txt"
run remind --all --as-of 2026-11-20 --output-dir "$WORK/daily"; expect_rc 1 "remind --output-dir on the 20th"
run remind --all --as-of 2026-11-20 --output-dir "$WORK/daily" --format json; expect_rc 1 "json digests on the 20th"
[ -f "$WORK/daily/sun.txt" ] && pass || fail "sun is behind pace on the 20th"
run remind --all --as-of 2026-11-02 --output-dir "$WORK/daily"
grep -q "removed" "$WORK/err" && pass || fail "the second run says it removed files of an earlier run"
[ ! -e "$WORK/daily/sun.txt" ] && pass || fail "sun, with nothing due on the 2nd, has no digest left"
[ -f "$WORK/daily/sun.json" ] && pass || fail "another format's digest stays"
[ -f "$WORK/daily/notes.txt" ] && [ -f "$WORK/daily/sun2.txt" ] && pass || fail "files keqing did not write stay"
for rep in wang li zhao sun; do
  remind --rep $rep --as-of 2026-11-02 >/dev/null 2>&1; due=$?
  if { [ $due -eq 1 ] && [ -f "$WORK/daily/$rep.txt" ]; } || { [ $due -eq 0 ] && [ ! -e "$WORK/daily/$rep.txt" ]; }; then pass
  else fail "$rep.txt exists exactly when $rep has something due"; fi
done
run remind --all --as-of 2026-11-20 --output-dir "$WORK/daily" --format json
run remind --rep sun --as-of 2026-11-02 --output-dir "$WORK/daily" --format json
[ ! -e "$WORK/daily/sun.json" ] && [ -n "$(ls "$WORK"/daily/*.json)" ] && pass ||
  fail "a run for one rep removes that rep's stale digest only"

# Digests over the size limit: nothing changes in the folder.
sums() { (cd "$WORK/daily" && sha256sum * .keqing-digests); }
sums >"$WORK/sums"
run limited remind --all --as-of 2026-11-30 --days 60 --output-dir "$WORK/daily" --format json
expect_rc 4 "remind --output-dir over the size limit"
expect_err "cannot write" "remind --output-dir over the size limit says why"
sums | cmp -s - "$WORK/sums" && pass || fail "a failed --output-dir run changes no digest"
[ -z "$(find "$WORK/daily" -name '.*.tmp')" ] && pass || fail "no temporary digest is left behind"

# A full disk (root only): the same, with the system's "No space left on device".
if [ -n "${KEQING_MOUNT_NS:-}" ] && mkdir "$WORK/full" && mount -t tmpfs -o size=4m keqing-full "$WORK/full"; then
  trap 'umount "$WORK/full"; cleanup' EXIT
  report $M --format csv -o "$WORK/full/r.csv" 2>/dev/null && cp "$WORK/full/r.csv" "$WORK/r.good" || fail "report -o on room"
  remind --all --as-of 2026-11-20 --output-dir "$WORK/full/mail" >/dev/null 2>&1
  (cd "$WORK/full/mail" && sha256sum *) >"$WORK/mail.sums"
  dd if=/dev/zero of="$WORK/full/filler" bs=4k status=none 2>/dev/null
  for f in table csv json markdown html; do
    expect_rejected 4 "--output $WORK/full/r.$f: cannot write: No space left on device" "report --format $f -o on a full disk" \
      report $M --format $f -o "$WORK/full/r.$f"
  done
  [ -z "$(ls "$WORK"/full/r.{table,json,markdown,html} 2>/dev/null)" ] && pass || fail "a full disk leaves no report file"
  cmp -s "$WORK/full/r.csv" "$WORK/r.good" && pass || fail "a full disk leaves the previous report as it was"
  expect_rejected 4 "--output $WORK/full/c.csv: cannot write: No space left on device" "roster export -o on a full disk" \
    roster export -o "$WORK/full/c.csv"
  [ ! -e "$WORK/full/c.csv" ] && pass || fail "a full disk leaves no export file"
  expect_rejected 4 "--output-dir $WORK/full/mail: cannot write" "remind --output-dir on a full disk" \
    remind --all --as-of 2026-11-25 --output-dir "$WORK/full/mail"
  (cd "$WORK/full/mail" && sha256sum *) | cmp -s - "$WORK/mail.sums" && pass || fail "a full disk changes no digest"
  expect_rejected 4 "--output-dir $WORK/full/new: cannot" "remind --output-dir into a new folder on a full disk" \
    remind --all --as-of 2026-11-25 --output-dir "$WORK/full/new"
  [ -z "$(find "$WORK/full" -name '.*.tmp')" ] && pass || fail "a full disk leaves no temporary file"
  rm -f "$WORK/full/filler"
  run report $M --format json -o "$WORK/full/r.json"; expect_rc 0 "report -o once space is freed"
else
  echo "test_write_errors: full-disk cases skipped: cannot mount a tmpfs (needs root)"
fi
finish
