#!/usr/bin/env bash
# End-to-end: keqing-bench-time, the timer bench/run.sh measures every command with — wall time and peak
# RSS of the command alone (a plain command line started directly, NAME=VALUE and $NAME as a shell would
# take them; anything else through /bin/sh -c), whatever the command's exit status.
source "$(dirname "$0")/lib.sh"
sqlite_only "a benchmark tool, no database"
T=$BIN/keqing-bench-time
[ -x "$T" ] || { echo "keqing-bench-time is not built"; exit 1; }

# field N: the Nth of the two numbers it printed (1: seconds, 2: peak KB), or nothing.
field() { awk -v n="$1" 'NR == 1 && NF == 2 { print $n }' "$WORK/out"; }
at_least() { python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$1" "$2"; }

run "$T" "sleep 0.2"; expect_rc 0 "a plain command is timed"
s=$(field 1); kb=$(field 2)
if [ -n "$s" ] && at_least "$s" 0.2 && ! at_least "$s" 2; then pass; else fail "sleep 0.2 took '$s' s"; fi
if [ -n "$kb" ] && [ "$kb" -gt 0 ]; then pass; else fail "sleep's peak RSS '$kb' KB"; fi

# NAME=VALUE in front reaches the command's environment; $NAME and ${NAME} come from the timer's.
printf '#!/bin/sh\nprintf "%%s %%s" "$K_FRONT" "$1" > "$2"\n' >"$WORK/show.sh"
chmod +x "$WORK/show.sh"
export K_WHERE=$WORK/shown.txt K_ARG=argument
run "$T" "K_FRONT=front $WORK/show.sh \$K_ARG \${K_WHERE}"; expect_rc 0 "a command with variables is timed"
if [ "$(cat "$WORK/shown.txt" 2>/dev/null)" = "front argument" ]; then pass; else
  fail "the command saw '$(cat "$WORK/shown.txt" 2>/dev/null)', expected 'front argument'"; fi

# A line a shell must read (a redirection, quotes) goes through /bin/sh -c.
run "$T" "echo 'through a shell' > $WORK/shell.txt"; expect_rc 0 "a shell line is timed"
if [ "$(cat "$WORK/shell.txt" 2>/dev/null)" = "through a shell" ]; then pass; else fail "the shell line did not run"; fi

# The peak resident set is the command's: 64 MB touched shows.
run "$T" "python3 -c 'b = bytearray(64 << 20); b[::4096] = bytes(len(b[::4096]))'"; expect_rc 0 "python3 is timed"
kb=$(field 2)
if [ -n "$kb" ] && [ "$kb" -ge 65536 ]; then pass; else fail "64 MB touched, peak RSS '$kb' KB"; fi

# The command's own output goes nowhere, and a command that fails is timed all the same.
run "$T" "echo hidden"; expect_no_out "hidden" "the command's output is not the timer's"
run "$T" false; expect_rc 0 "a failing command is timed"
[ -n "$(field 1)" ] && pass || fail "false was not timed"

# What cannot be timed says so.
run "$T" "no-such-program-$$"; expect_rc 127 "a program that is not there"
expect_err "could not start" "says it could not start the command"
run "$T"; expect_rc 2 "no command line"
expect_err "usage:" "prints its usage"

finish
