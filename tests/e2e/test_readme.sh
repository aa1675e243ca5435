# End-to-end: the README runs. Its ```sh blocks are run in order, in a scratch folder holding the examples,
# on one new database, the day fixed at 2026-11-20 17:00 as rep wang. A line `$ command` is a transcript:
# the command's output (stdout and stderr) must read as the lines under it, up to a line `...`. Any other
# line is a command that must exit as the README says: as a `# exit N` comment says, else 0 — or 1 for
# check-quota, remind and plan, whose 1 means "something is behind or due" or "cannot fit" (README, Exit
# statuses). Blocks that
# build (make, cmake) or need a team server (postgresql://) are left out, and said so.
source "$(dirname "$0")/lib.sh"
sqlite_only "the README's blocks run on a SQLite file; its team-server block is documentation"
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang
SCRATCH=$WORK/readme
mkdir -p "$SCRATCH"
ln -s "$SRC/examples" "$SCRATCH/examples"

# The blocks, one file each (block.N), with the README line each starts on (in block.N.line).
awk -v dir="$WORK" '
  /^```sh[[:space:]]*$/ { n++; inside = 1; file = dir "/block." n; printf "" >file; print NR + 1 >(file ".line"); next }
  /^```/ { inside = 0; next }
  inside { print >>file }
' "$SRC/README.md"
blocks=$(ls "$WORK"/block.* 2>/dev/null | grep -c '/block\.[0-9]*$')
[ "$blocks" -ge 8 ] && pass || fail "found $blocks shell blocks in README.md, expected at least 8"

# allowed_status LINE: the exit statuses a command line may end with.
allowed_status() {
  local line=$1
  if [[ $line =~ \#.*exit\ ([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"
  elif [[ $line =~ ^(check-quota|remind|plan)([[:space:]]|$) ]]; then echo "0 1"
  else echo 0; fi
}

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
  if grep -q '^[a-z-]*: error: ' <<<"$expected"; then
    [ "$rc" -ne 0 ] && pass || fail "$where: \`$command\` succeeded; the README shows an error"
  else
    [[ " $(allowed_status "$command") " == *" $rc "* ]] && pass || fail "$where: \`$command\` exited $rc"
  fi
}

ran=0
for n in $(seq 1 "$blocks"); do
  file=$WORK/block.$n
  start=$(cat "$file.line")
  if grep -Eq '(^|[[:space:];&|])(make|cmake|sudo|apt|apt-get)[[:space:]]|postgresql://' "$file"; then
    echo "README.md:$start: block $n builds or needs a team server; not run"
    continue
  fi
  ran=$((ran + 1))
  lineno=$start command="" expected="" in_transcript=0 command_line=0
  flush() {
    if [ -n "$command" ]; then
      if [ "$in_transcript" = 1 ]; then run_transcript "README.md:$command_line" "$command" "$expected"
      else run_command "README.md:$command_line" "$command"; fi
    fi
    command="" expected="" in_transcript=0
  }
  continued=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [ "$continued" = 1 ]; then
      command+=$'\n'"$line"
      [[ $line == *\\ ]] || continued=0
    elif [[ $line == '$ '* ]]; then
      flush; command=${line#\$ } in_transcript=1 command_line=$lineno
    elif [ "$in_transcript" = 1 ]; then
      if [ -z "$line" ]; then flush; else expected+="${expected:+$'\n'}$line"; fi
    elif [[ -n ${line//[[:space:]]/} && ! $line =~ ^[[:space:]]*# ]]; then
      flush; command=$line command_line=$lineno
      [[ $line == *\\ ]] && continued=1
    fi
    lineno=$((lineno + 1))
  done <"$file"
  flush
done
[ "$ran" -ge 7 ] && pass || fail "ran $ran README blocks, expected at least 7"
finish
