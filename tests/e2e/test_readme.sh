# End-to-end: the README runs. Its ```sh blocks are run in order, in a scratch folder holding the examples,
# on one new database, the day fixed at 2026-11-20 17:00 as rep wang. A line `$ command` is a transcript:
# the command's output (stdout and stderr) must read as the lines under it, up to a line `...`. Any other
# line is a command that must exit as the README says: as a `# exit N` comment says, else 0 — or 1 for
# check-quota, remind and plan, whose 1 means "something is behind or due" or "cannot fit" (README, Exit
# statuses); a transcript showing an error (`tool: error:` or `tool：错误：`) must fail. Blocks that build (make,
# cmake) or need a team server (postgresql://) are left out, and said so (readme_walk.sh, which
# test_i18n_readme.sh shares to run the same commands in Chinese). A transcript may set the language itself
# (`$ LANG=zh_CN.UTF-8 roster gaps`): the README shows issue 20's examples in both languages so.
source "$(dirname "$0")/lib.sh"
sqlite_only "the README's blocks run on a SQLite file; its team-server block is documentation"
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang
SCRATCH=$WORK/readme
mkdir -p "$SCRATCH"
ln -s "$SRC/examples" "$SCRATCH/examples"

source "$(dirname "$0")/readme_walk.sh"
readme_blocks
[ "$blocks" -ge 8 ] && pass || fail "found $blocks shell blocks in README.md, expected at least 8"

# run_command WHERE COMMAND: runs one command line in the scratch folder and checks its exit status.
run_command() {
  local where=$1 command=$2 allowed
  allowed=$(allowed_status "$command")
  (cd "$SCRATCH" && bash -c "$command") </dev/null >"$WORK/out" 2>"$WORK/err"
  rc=$?
  if [[ " $allowed " == *" $rc "* ]]; then pass; else fail "$where: \`$command\` exited $rc, the README says $allowed"; fi
}

# run_transcript WHERE COMMAND EXPECTED: the output must read as EXPECTED (up to a line `...`).
run_transcript() {
  local where=$1 command=$2 expected=$3 shown
  (cd "$SCRATCH" && bash -c "$command") </dev/null >"$WORK/out" 2>&1
  rc=$?
  local lines=0
  lines=$(printf '%s\n' "$expected" | awk '/^[[:space:]]*\.\.\.[[:space:]]*$/ { exit } { n++ } END { print n + 0 }')
  expected=$(printf '%s\n' "$expected" | head -n "$lines")
  shown=$(head -n "$lines" "$WORK/out" | sed 's/[[:space:]]*$//')
  if [ "$shown" = "$(printf '%s\n' "$expected" | sed 's/[[:space:]]*$//')" ]; then pass; else
    fail "$where: \`$command\` printed other lines than the README shows:
$(diff <(printf '%s\n' "$expected" | sed 's/[[:space:]]*$//') <(printf '%s\n' "$shown") | head -20)"
  fi
  if grep -Eq '^[a-z-]*(: error: |：错误：)' <<<"$expected"; then
    [ "$rc" -ne 0 ] && pass || fail "$where: \`$command\` succeeded; the README shows an error"
  else
    [[ " $(allowed_status "$command") " == *" $rc "* ]] && pass || fail "$where: \`$command\` exited $rc"
  fi
}

on_command() { run_command "$@"; }
on_transcript() { run_transcript "$@"; }
readme_walk
[ "$ran" -ge 7 ] && pass || fail "ran $ran README blocks, expected at least 7"
finish
