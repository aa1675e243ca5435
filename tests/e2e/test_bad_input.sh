# End-to-end: every option and positional argument of every tool given an empty value (`--opt ''` and
# `--opt=`), a non-UTF-8 one, control characters (escape, line feed, TAB) and a 10,000-character one: each
# is one stderr line naming the argument, exit 2, and the database unchanged. The options are
# read from each executable's --help (and its subcommands'), so an option added later is covered without
# touching this file; a new command without a base command line below fails the suite, saying which.
# Also: the environment values keqing reads, and config.toml's strings. TAB, the other control
# characters and the per-field limits (a data error, exit 3) are tried in test_values.sh.
source "$(dirname "$0")/lib.sh"
sqlite_only "a matrix of about 1,000 bad arguments; test_values.sh runs a few on PostgreSQL"
cd "$WORK" # a value the tools wrongly accept names a file: it lands in the temporary folder
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
load_examples || { echo "could not load the examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null && roster event import "$SRC/examples/events.csv" >/dev/null ||
  { echo "could not load people and events"; exit 1; }
printf 'code,name,tier,rep\nHZ901,新药房,B,li\n' >"$WORK/customers.csv"
printf 'id,name,team\nzhou,周敏,华东二组\n' >"$WORK/reps.csv"
printf 'customer,name\nHZ001,小李\n' >"$WORK/people.csv"
printf 'customer,kind,date\nHZ001,wedding,2026-11-18\n' >"$WORK/events.csv"
printf 'customer,kind,body,opened_on,due_on\nHZ001,promise,送样品,2026-11-18,2026-11-25\n' >"$WORK/followups.csv"
printf 'customer,body,opened_on,due_on\nHZ001,送货晚了,2026-11-18,2026-11-30\n' >"$WORK/complaints.csv"
printf 'customer,channel,date\nHZ001,call,2026-11-19\n' >"$WORK/contacts.csv"

# A command line that succeeds as it is, per command (the tool, then its subcommands): each option is
# given its bad value in the first base line that uses it (in place of its value), else appended to the
# first. The words before the first option are the positional arguments, in --help's order.
declare -A BASES
base() { # PATH ARG…: PATH is "tool" or "tool sub …"; the ARGs follow the tool's name
  local path=$1 line
  shift
  line=$(printf '%q ' "$@")
  BASES[$path]+="$line"$'\n'
}
base "roster" list --as-of 2026-11-20 --rep wang --db "$KEQING_DB" --rules "$SRC/schemas/rules.toml"
base "roster add" add HZ900 测试药房 --tier A --opened 2026-11-01 --closed 2026-12-31 --phone 0571-1 --address 杭州 --stage consolidation
base "roster edit" edit HZ001 --name 康泰 --phone 0571-2 --address 杭州 --stage 收获期 --opened 2025-06-01
base "roster list" list --tier A --team 华东一组 --as-of 2026-11-20 --include-closed --format csv
base "roster show" show HZ001 --as-of 2026-11-20
base "roster import" import "$WORK/customers.csv" --ignore-unknown --dry-run
base "roster export" export --output "$WORK/export.csv" --as-of 2026-11-20
base "roster tier" tier HZ001 B --from 2026-12-01
base "roster assign" assign HZ001 li --from 2026-12-01
base "roster stage" stage HZ001 成长期 --from 2026-11-20 --force --dry-run
base "roster close" close HZ001 --on 2026-12-31
base "roster reopen" reopen HZ001
base "roster rep" rep list
base "roster rep add" rep add zhou --name 周敏 --team 华东二组
base "roster rep list" rep list --format json
base "roster rep import" rep import "$WORK/reps.csv" --dry-run
base "roster person" person list
base "roster person add" person add HZ001 小李 --role 营业员 --birthday 05-01 --preferences 茶 --family 二胎 --personality 活泼 --note 新来的
base "roster person edit" person edit 1 --name 张丽 --role 店长 --birthday lunar:10-12 --preferences 茶 --family 二胎 --personality 活泼 --note 备注
base "roster person remove" person remove 1 --reason 离职 --dry-run
base "roster person list" person list HZ001 --format csv --removed
base "roster person import" person import "$WORK/people.csv" --dry-run
base "roster event" event list
base "roster event add" event add HZ001 --kind wedding --date 2026-11-18 --person 张丽 --note 女儿结婚
base "roster event import" event import "$WORK/events.csv" --dry-run
base "roster event remove" event remove 1 --reason 日期记错 --dry-run
base "roster event list" event list HZ001 --from 2026-11-01 --to 2026-11-30 --removed
base "roster gaps" gaps --team 华东一组 --all --as-of 2026-11-20 --format json
base "roster followup" followup list
base "roster followup list" followup list --as-of 2026-11-20 --from 2026-11-01 --all --format json
base "roster followup start" followup start 1 --on 2026-11-20 --dry-run
base "roster followup import" followup import "$WORK/followups.csv" --dry-run
base "roster followup export" followup export --output "$WORK/followups-out.csv" --as-of 2026-11-20 --from 2026-11-01
base "roster complaint" complaint list
base "roster complaint add" complaint add HZ001 送货晚了 --about 张丽 --date 2026-11-19 --due 2026-11-30 --dry-run
base "roster complaint import" complaint import "$WORK/complaints.csv" --dry-run
base "roster complaint export" complaint export --output "$WORK/complaints-out.csv" --as-of 2026-11-20 --from 2026-11-01
base "roster complaint step" complaint step 1 判定 --note 成立 --on 2026-11-20 --dry-run
base "roster training" training list
base "roster training add" training add HZ001 --topic 药品知识 --date 2026-11-19 --attendee 张丽 --remote --note 五人 --dry-run
base "roster training list" training list HZ001 --from 2026-11-01 --to 2026-11-30 --removed --format json
base "roster training remove" training remove 1 --reason 记错 --dry-run
base "roster complaint list" complaint list --as-of 2026-11-20 --from 2026-11-01 --all --format csv
base "roster complaint show" complaint show 1 --as-of 2026-11-20
base "log-visit" HZ001 --date 2026-11-19 --time 10:00 --note 补货 --gift --feedback 好卖 --preference 喝茶 --favour 送茶 \
  --family 二胎 --competitor 降价 --slow-mover 感冒灵 --asked-help --solved 退货 --training --rep wang --db "$KEQING_DB" \
  --rules "$SRC/schemas/rules.toml"
base "log-visit" HZ001 --date 2026-11-19 --channel call --occasion birthday
base "log-visit" --void 1 --reason 重复
base "log-visit" --list HZ001 --from 2026-11-01 --to 2026-11-20 --team 华东一组 --call --occasion event --format json
base "log-visit" --undo --dry-run
base "log-visit" --import "$WORK/contacts.csv" --ignore-unknown --dry-run
base "check-quota" --customer HZ001 --month 2026-11 --as-of 2026-11-20 --behind-only --format json --db "$KEQING_DB" \
  --rules "$SRC/schemas/rules.toml"
base "check-quota" --tier A
base "check-quota" --team 华东一组
base "check-quota" --all
base "check-quota" --rep wang
base "remind" --rep wang --as-of 2026-11-20 --days 7 --format json --db "$KEQING_DB" --rules "$SRC/schemas/rules.toml"
base "remind" --all --output-dir "$WORK/spool"
base "remind" --calendar 2027
base "report" --month 2026-11 --as-of 2026-11-20 --by customer --team 华东一组 --format csv --output "$WORK/r.csv" \
  --db "$KEQING_DB" --rules "$SRC/schemas/rules.toml"
base "report" --from 2026-09 --to 2026-11

# help_items TOOL [SUB…]: "opt NAME 1|0" (1 when it takes a value), "pos NAME" and "sub NAME" lines.
help_items() {
  "$@" --help | awk '
    /^Positionals:/ { sec = "pos"; next }
    /^ *Options:/ { sec = "opt"; next }
    /^Subcommands:/ { sec = "sub"; next }
    /^[^ ]/ { sec = ""; next }
    sec == "pos" && /^  [a-z]/ { print "pos", $1; next }
    sec == "opt" && /^ +-/ { n = $1; sub(/^-[a-zA-Z],/, "", n); print "opt", n, ($2 ~ /^(TEXT|INT|UINT|FLOAT|NUMBER)/ ? 1 : 0); next }
    sec == "sub" && /^  [a-z]/ { print "sub", $1 }'
}

LONG=$(head -c 10000 /dev/zero | tr '\0' x)
KINDS=(empty equals invalid escape newline long)
# KEQING_BAD_INPUT_KINDS=N (the sanitizer build sets 2, where each process start is slow): each option
# and positional gets N of the bad values, taken in turn, so every kind still reaches every tool.
PER=${KEQING_BAD_INPUT_KINDS:-${#KINDS[@]}}
turn=0
# pick KIND…: PICKED is the next PER of the KINDs, in turn.
pick() {
  local -a all=("$@")
  local j
  PICKED=()
  if [ "$PER" -ge ${#all[@]} ]; then PICKED=("${all[@]}"); return; fi
  for ((j = 0; j < PER; j++)); do PICKED+=("${all[(turn + j) % ${#all[@]}]}"); done
  turn=$((turn + PER))
}
declare -A VALUE=([empty]= [equals]= [invalid]=$'\xff' [escape]=$'a\x1b[31mb' [newline]=$'a\nb'
  [tab]=$'a\tb' [long]=$LONG) # the bad value of each KIND
# The stderr line a KIND gives for WHICH ("argument N" or "argument N (the value of --opt)"), or for an
# empty value of OPTION.
message_for() { # KIND WHICH OPTION
  case $1 in
    empty | equals) if [ -n "$3" ]; then echo "$3 is given an empty value"; else echo "$2 is empty"; fi ;;
    invalid) echo "$2 has an invalid UTF-8 byte (0xFF) at character 1 (byte 1)" ;;
    escape) echo "$2 has a control character (U+001B escape) at character 2 (byte 2)" ;;
    newline) echo "$2 has a control character (U+000A line feed) at character 2 (byte 2)" ;;
    tab) echo "$2 has a control character (U+0009 TAB) at character 2 (byte 2)" ;;
    long) echo "$2 is 10000 characters long; an argument holds at most 4096" ;;
  esac
}

# Every case here is refused before the database is opened. Hashing it after each of a thousand cases
# took minutes, so each case checks instead that no file of the database was written since the cases
# began (a builtin test, no process), and the whole database is hashed at the end. A hang (CLI11 once
# looped on an empty argument) runs into ctest's timeout.
snapshot
touch "$WORK/cases-began"
untouched() {
  local f
  for f in "$KEQING_DB" "$KEQING_DB-wal" "$KEQING_DB-shm" "$KEQING_DB-journal"; do
    [ "$f" -nt "$WORK/cases-began" ] && return 1
  done
  return 0
}
cases=0
# refused DESCRIPTION TEXT CMD…: exit 2, one stderr line `tool: error: …` containing TEXT, nothing written.
refused() {
  local desc=$1 text=$2 err
  shift 2
  cases=$((cases + 1))
  run "$@"
  expect_rc 2 "$desc"
  mapfile -t err <"$WORK/err"
  if [ "${#err[@]}" -eq 1 ] && [[ ${err[0]} == *"$text"* && ${err[0]} =~ ^[a-z-]+:\ error:\  ]]; then pass
  else fail "$desc: expected one stderr line with '$text'"; fi
  untouched && pass || fail "$desc: the database was written"
}
# try PATH KIND TEXT DESCRIPTION ARG…: the tool (PATH's first word) with ARGs is refused as KIND says.
try() {
  local tool=${1%% *} text=$3 desc=$4
  shift 4
  refused "$desc" "$text" "$tool" "$@"
}

# cover PATH: every option and positional of the command PATH, then its subcommands.
cover() {
  local path=$1 kind item name takes i k
  local -a words items positionals=()
  mapfile -t items < <(help_items $path)
  [ "${#items[@]}" -gt 0 ] || { fail "$path --help lists nothing"; return; }
  if [ -z "${BASES[$path]:-}" ]; then fail "no base command line for '$path' in test_bad_input.sh: add one"; return; fi
  for item in "${items[@]}"; do
    read -r what name takes <<<"$item"
    case $what in
      sub) cover "$path $name"; continue ;;
      pos) positionals+=("$name"); continue ;;
    esac
    # The first base line using the option, else the first line.
    local line chosen=""
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      eval "words=($line)"
      for w in "${words[@]}"; do [ "$w" = "$name" ] && chosen=$line; done
      [ -n "$chosen" ] && break
    done <<<"${BASES[$path]}"
    [ -n "$chosen" ] || chosen=$(head -1 <<<"${BASES[$path]}")
    eval "words=($chosen)"
    pick "${KINDS[@]}"
    for kind in "${PICKED[@]}"; do
      local -a args=() bad
      local value placed=0 n
      value=${VALUE[$kind]}
      for ((i = 0; i < ${#words[@]}; i++)); do
        if [ "${words[i]}" = "$name" ] && [ $placed = 0 ]; then
          placed=1
          if [ "$takes" = 1 ] && [ $kind != equals ]; then args+=("$name" "$value"); i=$((i + 1)); n=$((${#args[@]}))
          else args+=("$name=$value"); n=${#args[@]}; fi
          # a flag's own value or an empty separate value: the next word of the base stays
          [ "$takes" = 1 ] && [ $kind = equals ] && i=$((i + 1))
        else
          args+=("${words[i]}")
        fi
      done
      if [ $placed = 0 ]; then
        if [ "$takes" = 1 ] && [ $kind != equals ]; then args+=("$name" "$value"); else args+=("$name=$value"); fi
        n=${#args[@]}
      fi
      try "$path" $kind "$(message_for $kind "argument $n (the value of $name)" "$name")" "$path $name: $kind value" "${args[@]}"
    done
  done
  # Positionals: the words after the subcommands and before the first option, in order.
  local depth
  depth=$(wc -w <<<"$path")
  eval "words=($(head -1 <<<"${BASES[$path]}"))"
  for ((k = 0; k < ${#positionals[@]}; k++)); do
    i=$((depth - 1 + k))
    case ${words[i]:-} in -* | '') fail "$path: the base line has no word for positional ${positionals[k]}"; continue ;; esac
    pick empty invalid escape newline long
    for kind in "${PICKED[@]}"; do
      local -a args=("${words[@]}")
      args[i]=${VALUE[$kind]}
      try "$path" $kind "$(message_for $kind "argument $((i + 1))" "")" "$path ${positionals[k]} (positional): $kind value" "${args[@]}"
    done
  done
}

for tool in roster log-visit check-quota remind report; do cover "$tool"; done
# The matrix really was read from --help: a few options of each tool, and its size.
[ "$cases" -gt $((900 * PER / ${#KINDS[@]})) ] && pass || fail "only $cases cases: is --help still parsed?"
for expected in "roster person edit:--personality" "log-visit:--slow-mover" "check-quota:--behind-only" \
  "remind:--output-dir" "report:--output"; do
  path=${expected%%:*} opt=${expected#*:}
  help_items $path | grep -q "^opt $opt " && pass || fail "$path --help no longer lists $opt"
done
[ ! -e "$WORK/spool" ] && [ ! -e "$WORK/export.csv" ] && [ ! -e "$WORK/r.csv" ] && pass || fail "a refused command wrote a file"

# Environment values keqing reads: one line of printable UTF-8 text, like arguments (exit 2).
for tool in roster log-visit check-quota remind report; do
  args=()
  case $tool in
    roster) args=(list) ;;
    log-visit) args=(HZ001 --call) ;;
  esac
  for var in KEQING_REP KEQING_DB KEQING_RULES; do
    [ $tool = report ] && [ $var = KEQING_REP ] && continue # report has no current rep
    for kind in invalid escape newline tab long; do
      value=${VALUE[$kind]}
      text=$(message_for $kind "environment variable $var" "")
      [ $kind = long ] && text="environment variable $var is 10000 characters long"
      refused "$tool with $var: $kind value" "$text" env "$var=$value" "$tool" "${args[@]}"
    done
  done
done
# The database hashed as it was before the cases: no refused command changed a row.
expect_unchanged "the refused arguments and environment values"
# $USER names the rep only when nothing else does: then it is checked too.
refused "USER as the rep" "environment variable USER has a control character (U+001B escape)" env -u KEQING_REP USER=$'wa\x1bng' check-quota
run env USER=$'wa\x1bng' check-quota --all --as-of 2026-11-20; expect_rc 1 "USER is not read when KEQING_REP names the rep"
# config.toml: its strings are values too (a data error naming the file and line).
mkdir -p "$WORK/config/keqing"
printf 'timezone = "Asia/Shanghai"\nrep = "wa\\u001bng"\n' >"$WORK/config/keqing/config.toml"
expect_rejected 3 "config.toml:2: 'rep' has a control character (U+001B escape) at character 3 (byte 3)" \
  "config.toml with an escape" env -u KEQING_REP check-quota
rm "$WORK/config/keqing/config.toml"

echo "$(basename "$0" .sh): $cases bad inputs"
finish
