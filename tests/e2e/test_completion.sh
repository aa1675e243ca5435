# End-to-end: shell completion (issue 21 item 3). `TOOL __complete WORD…` (apps/common/complete.hpp) offers
# subcommands, long options, option values — formats, tiers, channels and event kinds from the rules in
# use, customer codes, rep ids and teams from the database in use — or asks for file names; the `keqing`
# front end completes tool names and hands the rest to the tool; the bash script drives it; nothing is
# ever printed on stderr. On a team server a rep is offered only the customers keqing_api lets it see.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }

# words: the candidates after the first line, space-separated.
words() { tail -n +2 "$WORK/out" | paste -sd' '; }
expect_words() { if [ "$rc" -eq 0 ] && [ "$(head -1 "$WORK/out")" = words ] && [ "$(words)" = "$1" ]; then pass
  else fail "$2: expected words '$1', got '$(words)'"; fi; expect_no_err "$2 (stderr)"; }

run roster __complete ''
expect_words "add edit list show gaps import export tier stage assign close reopen rep person event followup complaint training" "roster's subcommands"
run roster __complete person a
expect_words "add" "a nested subcommand by prefix"
run roster __complete show --as
expect_words "--as-of" "a subcommand's options"
run roster __complete list --d
expect_words "--db" "the parent's options after a subcommand (fallthrough)"
run log-visit __complete --sl
expect_words "--slow-mover" "options in an option group"
run check-quota __complete --format ''
expect_words "table json csv xlsx" "an option's listed values"
run report __complete --format=ht
expect_words "--format=html" "--option=value"
run remind __complete --format ''
expect_words "text markdown json ics csv" "remind's formats"
run check-quota __complete --color ''
expect_words "auto always never" "--color's values"
run plan __complete --no-p
expect_words "--no-pager" "--no-pager on every tool"
run roster __complete list --col
expect_words "--color" "--color after a subcommand"
run roster __complete list --tier ''
expect_words "A B C" "tiers from the built-in rules"
cat >"$WORK/rules.toml" <<'TOML'
[[channel]]
id = "visit"
in_person = true
[[channel]]
id = "wechat"
[[tier]]
id = "VIP"
quota = { visit = 2, wechat = 4 }
TOML
run roster __complete --rules "$WORK/rules.toml" list --tier ''
expect_words "VIP" "tiers from the rules --rules names"
run log-visit __complete --rules="$WORK/rules.toml" HZ001 --channel w
expect_words "wechat" "channels from the rules"
run roster __complete event add HZ001 --kind b
expect_words "birth bereavement" "event kinds from the rules"
run check-quota __complete --customer HZ00
expect_words "HZ001 HZ002 HZ003 HZ004 HZ005 HZ006 HZ007 HZ008 HZ009" "customer codes from the database"
run roster __complete show HZ04
expect_words "HZ040" "a positional customer"
run roster __complete assign HZ001 ''
expect_words "li wang zhao" "a positional rep id"
run report __complete --team ''
expect_words "华东一组 华东二组" "teams"
run roster __complete --db "$WORK/none.db" show H
expect_words "" "a database that is not there: no candidates, no message"
[ ! -e "$WORK/none.db" ] && pass || fail "completion created a database"
run roster __complete import --encoding ''
expect_words "auto utf-8 gb18030 gbk" "encodings"
run roster __complete import ''
if [ "$(out)" = files ]; then pass; else fail "a file argument asks for file names"; fi
run report __complete -o ''
if [ "$(out)" = files ]; then pass; else fail "-o asks for file names"; fi

# The front end: tool names, then the tool's own completion.
run keqing __complete ''
expect_words "roster log-visit check-quota remind report plan" "keqing's tools"
run keqing __complete check-quota --customer HZ01
expect_words "HZ010 HZ011 HZ012 HZ013 HZ014 HZ015 HZ016 HZ017 HZ018 HZ019" "keqing TOOL hands over to the tool"

# The bash script over the built tools (plain names on PATH here).
bash_complete() { bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _keqing_complete
  printf "%s\n" "${COMPREPLY[@]}"' _ "$SRC/completions/keqing.bash" "$@" >"$WORK/out" 2>"$WORK/err"; }
bash_complete check-quota --tier ''
[ "$(paste -sd' ' "$WORK/out")" = "A B C" ] && pass || fail "bash: tiers ($(out))"
bash_complete report --format = j
[ "$(paste -sd' ' "$WORK/out")" = "json" ] && pass || fail "bash: --format=j as bash splits it ($(out))"
bash_complete check-quota --format =
[ "$(paste -sd' ' "$WORK/out")" = "table json csv xlsx" ] && pass || fail "bash: right after --format= ($(out))"
bash_complete keqing remind --rep w
[ "$(paste -sd' ' "$WORK/out")" = "wang" ] && pass || fail "bash: through the front end ($(out))"

if [ "$BACKEND" = postgresql ]; then
  # A rep's role sees its own customers only (keqing_api.customers()): completion offers no other's code.
  pg_role wang keqing_rep
  wang_codes=$(db_query "SELECT string_agg(code, ' ' ORDER BY code) FROM customers WHERE code LIKE 'HZ0%' AND id IN
    (SELECT customer_id FROM assignments WHERE rep_id = 'wang')")
  run as wang check-quota __complete --customer HZ0
  expect_words "$wang_codes" "a rep is offered its own customers only"
fi
finish
