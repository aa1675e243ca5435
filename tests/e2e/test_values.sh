# End-to-end: the values keqing accepts and how it shows them (README "Limits", issue 15 item 2). An empty
# value is a usage error; invalid UTF-8, NUL and control characters are refused in arguments (exit 2) and
# in imported CSV (exit 3) with their position; the per-field limits hold for arguments and imports alike,
# a value at its limit is kept; long values are cut by display width with … in tables, cards and the
# reminder text, and stay whole in JSON and CSV. test_bad_input.sh runs every option of every tool.
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
load_examples || { echo "could not load the examples"; exit 1; }
repeat() { local s; printf -v s "%$2s" ''; printf '%s' "${s// /$1}"; } # repeat TEXT N
SEE='(README, Limits)'

# Arguments: empty or blank, and the characters a terminal or a CSV reader would misread (exit 2).
expect_rejected 2 "log-visit: error: --note is given an empty value (argument 4)" "an empty --note" \
  log-visit HZ001 --call --note ''
expect_rejected 2 "--tier is given an empty value (argument 4)" "--tier= (empty)" roster add HZ900 新药房 --tier=
expect_rejected 2 "argument 3 is empty" "a blank positional" roster add HZ900 '  ' --tier A
for case in $'a\tb|a control character (U+0009 TAB) at character 2 (byte 2)' $'a\x7fb|a control character (U+007F delete) at character 2 (byte 2)' \
  $'a\xc2\x85b|a control character (U+0085 C1 control) at character 2 (byte 2)' $'a\xe2\x80\xa8b|a separator (U+2028 line separator) at character 2' \
  $'a\xc0\xafb|an invalid UTF-8 byte (0xC0) at character 2 (byte 2)' $'a\xed\xa0\x80b|an invalid UTF-8 byte (0xED)' \
  $'中文\x1b[0m|a control character (U+001B escape) at character 3 (byte 7)'; do
  expect_rejected 2 "argument 4 (the value of --note) has ${case#*|}" "--note with ${case#*|}" \
    log-visit HZ001 --call --note "${case%%|*}"
done

# Limits on stored values (exit 3): codes 32, names 100, notes 2,000 characters; a CJK character is one.
expect_rejected 3 "customer code '$(repeat X 33)' must be 1-32 letters" "a 33-character code" roster add "$(repeat X 33)" x --tier A
expect_rejected 3 "the name of customer HZ900 is 101 characters long; at most 100 are allowed $SEE" "a 101-character name" \
  roster add HZ900 "$(repeat 药 101)" --tier A
expect_rejected 3 "the address of customer HZ002 is 2001 characters long" "a 2,001-character address" \
  roster edit HZ002 --address "$(repeat 址 2001)"
expect_rejected 3 "--note is 2001 characters long; at most 2000" "a 2,001-character note" \
  log-visit HZ001 --call --note "$(repeat n 2001)"
expect_rejected 3 "--slow-mover is 2001 characters long" "a 2,001-character checklist item" \
  log-visit HZ001 --visit --slow-mover "$(repeat n 2001)"
expect_rejected 3 "--reason is 2001 characters long" "a 2,001-character void reason" log-visit --void 1 --reason "$(repeat r 2001)"
expect_rejected 3 "the person's name is 101 characters long" "a 101-character person" roster person add HZ001 "$(repeat 李 101)"
expect_rejected 3 "the event's note is 2001 characters long" "a 2,001-character event note" \
  roster event add HZ001 --kind wedding --date 2026-11-18 --note "$(repeat n 2001)"
expect_rejected 3 "the name of rep zhou is 101 characters long" "a 101-character rep name" roster rep add zhou --name "$(repeat 周 101)"
# At the limit a value is kept whole.
LONG_NAME=$(repeat 药 100)
run roster add HZ900 "$LONG_NAME" --tier A
expect_rc 0 "a 100-character name"
[ "$(db_query "SELECT name FROM customers WHERE code = 'HZ900'")" = "$LONG_NAME" ] && pass || fail "the 100-character name is stored whole"
run log-visit HZ900 --call --note "$(repeat 备注 1000)"; expect_rc 0 "a 2,000-character note"

# Imports: the file's line, the column and the character and byte; the whole file loads or nothing does.
import_refused() { # TEXT DESCRIPTION CSV-CONTENT CMD… (the file's path follows CMD)
  local text=$1 desc=$2
  printf '%b' "$3" >"$WORK/in.csv"
  shift 3
  expect_rejected 3 "$WORK/in.csv:$text" "$desc" "$@" "$WORK/in.csv"
}
H='code,name,tier,rep\nHZ950,好药房,A,wang\n'
import_refused "3: the file is not valid UTF-8 (byte 0xFF, byte 10 of the line)" "invalid UTF-8 on line 3" \
  "${H}HZ951,中\xffad,A,wang\n" roster import
import_refused "3: column name (field 2) has a control character (U+0000 NUL) at character 2 (byte 2)" "a NUL in a field" \
  "${H}HZ951,b\0ad,A,wang\n" roster import
import_refused "3: column name (field 2) has a control character (U+001B escape) at character 3 (byte 7)" "an escape" \
  "${H}HZ951,药房\x1b[31m,A,wang\n" roster import
import_refused "3: column name (field 2) has a control character (U+000A line feed) at character 4 (byte 4)" \
  "a quoted line break" "${H}HZ951,\"two\nlines\",A,wang\n" roster import
import_refused "1: header field 2 has a control character (U+0009 TAB)" "a TAB in the header" \
  'code,na\tme,tier,rep\n' roster import
import_refused "3: the name of customer HZ951 is 101 characters long" "a 101-character name in a file" \
  "${H}HZ951,$(repeat 药 101),A,wang\n" roster import
import_refused "2: column date (field 3) is 5000 characters long; a field holds at most 4096 $SEE" "a 5,000-character date" \
  "customer,channel,date\nHZ001,call,$(repeat 1 5000)\n" log-visit --import
import_refused "2: column ref (field 4) is 101 characters long; at most 100" "a 101-character ref" \
  "customer,channel,date,ref\nHZ001,call,2026-11-19,$(repeat r 101)\n" log-visit --import
import_refused "2: column note (field 4) has a control character (U+0009 TAB) at character 2 (byte 2)" "a TAB in a note" \
  'customer,channel,date,note\nHZ001,call,2026-11-19,a\tb\n' log-visit --import
import_refused "2: column name (field 2) has a control character (U+001B escape) at character 2 (byte 4)" "an escape in a person" \
  'customer,name\nHZ001,小\x1b李\n' roster person import
import_refused "2: the event's note is 2001 characters long" "a long event note in a file" \
  "customer,kind,date,note\nHZ001,wedding,2026-11-18,$(repeat n 2001)\n" roster event import
import_refused "2: the name of rep zhou is 101 characters long" "a long rep name in a file" \
  "id,name,team\nzhou,$(repeat 周 101),华东二组\n" roster rep import
# --update changes a stored rep or event: the same limits.
run roster event add HZ001 --kind wedding --date 2026-11-18; expect_rc 0 "an event to update"
import_refused "2: the name of rep wang is 101 characters long" "--update with a long rep name" \
  "id,name\nwang,$(repeat 王 101)\n" roster rep import --update
import_refused "2: the event's note is 2001 characters long" "--update with a long event note" \
  "customer,kind,date,note\nHZ001,wedding,2026-11-18,$(repeat n 2001)\n" roster event import --update
# A column keqing ignores (--ignore-unknown) is not read, so what it holds does not matter.
printf 'code,name,tier,rep,extra\nHZ952,好药房,A,wang,"x\x1by"\n' >"$WORK/in.csv"
run roster import --ignore-unknown --dry-run "$WORK/in.csv"; expect_rc 0 "an escape in an ignored column"

# Display: a long name is cut to the NAME column (40 display columns: 19 CJK characters and …) in
# tables, the card, the reminder text and log-visit's lines; JSON and CSV keep it whole.
CUT=$(repeat 药 19)…
run roster list --tier A; expect_out "HZ900  $CUT  A" "roster list cuts a long name"; expect_no_out "$(repeat 药 20)" "roster list: not whole"
run roster show HZ900; expect_out "HZ900 $CUT  ·  tier A" "the card cuts a long name"
expect_out "$(repeat 备注 9)备…" "the card cuts a long note to 80 columns"; expect_no_out "$(repeat 备注 41)" "the card: the note not whole"
run check-quota --customer HZ900; expect_out "HZ900  $CUT  A" "check-quota's table cuts a long name"
run remind --days 7; expect_out "HZ900 $CUT — " "the reminder text cuts a long name"
run log-visit HZ900 --message --note 好; expect_out "with HZ900 $CUT on 2026-11-20" "log-visit's line cuts a long name"
run report --by customer --month 2026-11; expect_out " $CUT " "the report table cuts a long name"
run roster list --tier A --format csv; expect_out "HZ900,$LONG_NAME,A,wang" "CSV keeps the name whole"
run roster list --tier A --format json; expect_out "\"name\": \"$LONG_NAME\"" "JSON keeps the name whole"
run check-quota --customer HZ900 --format json; expect_out "\"name\": \"$LONG_NAME\"" "check-quota's JSON keeps the name whole"
# ASCII takes one column a character: 39 of them and ….
run roster edit HZ900 --name "$(repeat ab 30)"; expect_rc 0 "a 60-character ASCII name"
run roster list --tier A; expect_out "HZ900  $(repeat ab 19)a…  A" "an ASCII name is cut at 39 characters and …"

# A value written before these checks (or by another client) that holds control characters is shown with
# their symbols (␛, ␊) in tables and cards, never sent to the terminal; CSV quotes it whole.
if [ "$BACKEND" = sqlite ]; then
  sqlite3 "$KEQING_DB" "UPDATE customers SET name = 'Bad' || char(27) || '[31mName' || char(10) || 'x' WHERE code = 'HZ001'"
  run roster list --tier A; expect_out "HZ001  Bad␛[31mName␊x  " "a stored escape shows as ␛ in a table"
  run roster show HZ001; expect_out "HZ001 Bad␛[31mName␊x  ·" "a stored escape shows as ␛ on the card"
  if grep -q $'\x1b' "$WORK/out"; then fail "the card sent an escape to the terminal"; else pass; fi
  run roster list --tier A --format csv; expect_out $'HZ001,"Bad\x1b[31mName' "CSV keeps the stored value whole"
fi

finish
