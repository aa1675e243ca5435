#!/usr/bin/env bash
# End-to-end: one rep's or one customer's check-quota and remind (--with-plan too) read one snapshot of a
# SQLite file — the statements after opening run in one read transaction, so SQLite takes its WAL read lock
# once for them instead of once per statement (fewer system calls, and no log-visit landing between two of
# the reads).
# Counted with strace: the read locks are fcntl F_RDLCK on the WAL index's read marks (bytes 123–127).
source "$(dirname "$0")/lib.sh"
sqlite_only "SQLite's WAL read locks"
command -v strace >/dev/null || { echo "strace is not installed (make deps installs it)"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
# LeakSanitizer cannot run under ptrace (the sanitizer build).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# locks NAME MAX CMD ARGS…: runs CMD under strace; it may take the WAL read lock at most MAX times (opening
# the file takes three: the schema, the migrations' check and the journal mode; the command one).
locks() {
  local name=$1 max=$2; shift 2
  strace -f -e trace=fcntl -o "$WORK/$name.trace" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
  local n; n=$(grep -cE 'F_RDLCK, l_whence=SEEK_SET, l_start=12[3-7], l_len=1' "$WORK/$name.trace")
  if [ "$n" -ge 1 ] && [ "$n" -le "$max" ]; then pass; else fail "$name: $n read locks, expected 1 to $max"; fi
}

locks check-rep 5 check-quota --rep wang --as-of 2026-11-20; expect_rc 1 "check-quota --rep ran (quotas missed)"
expect_out "wang" "check-quota --rep printed the rep's month"
locks check-customer 5 check-quota --customer HZ001 --as-of 2026-11-20
expect_out "HZ001" "check-quota --customer printed the customer"
locks remind-rep 5 remind --rep wang --as-of 2026-11-20; expect_rc 1 "remind --rep ran (something due)"
expect_out "HZ013" "remind --rep listed what is due"
# --with-plan reads the rep's plan in the same snapshot.
locks check-plan 5 check-quota --rep wang --with-plan --as-of 2026-11-20
expect_out "wang" "check-quota --rep --with-plan printed the rep's month"
locks remind-plan 5 remind --rep wang --with-plan --as-of 2026-11-20
expect_out "HZ013" "remind --rep --with-plan listed what is due"
finish
