# End-to-end: log-visit — one-line logging, what it prints, voiding, import, and every bad-input path.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang

run log-visit 康泰大 --call --note "确认十二月订货"
expect_rc 0 "log by name prefix"
expect_out "with HZ001 康泰大药房 on 2026-11-20 17:00 by wang" "log line"
expect_out "counts toward: call quota, tier A, 2026-11" "counts toward"
expect_out "call     9/4  met" "still owed per channel"

run log-visit HZ007 --date 2026-11-19 --time 10:00 --feedback "好卖" --competitor "竞品降价"
expect_out "checklist: 2/6 recorded; missing R13 clerk preference" "checklist completeness"
expect_out "visit    3/8  behind: 2 more by today to be on pace, 5 owed by 2026-11-30" "pace after logging"

run log-visit HZ007 --message --date 2026-11-10
expect_out "flagged late: logged 10 days after it happened" "late flag"

run log-visit HZ007 --third-party --note 经销商代为问候
expect_out "counts toward no quota" "third party counts toward nothing"

run log-visit HZ013 --call --dry-run
expect_out "would log (dry run)" "dry run"
n_before=$(db_query "select count(*) from contacts")

expect_rejected 3 "customer '康泰' is ambiguous: it matches HZ001 康泰大药房, HZ017 康泰医药连锁(北门店)" "ambiguous name" log-visit 康泰 --call
expect_rejected 3 "unknown customer '同仁堂'" "unknown customer" log-visit 同仁堂 --call
expect_rejected 3 "'2026-02-30' is not a real date: February 2026 has 28 days" "impossible date" log-visit HZ001 --date 2026-02-30
expect_rejected 3 "unknown channel 'fax'" "unknown channel" log-visit HZ001 --channel fax
expect_rejected 3 "is in the future" "future date" log-visit HZ001 --date 2026-11-21
expect_rejected 3 "closed on 2026-09-30" "closed customer" log-visit HZ030 --call --date 2026-11-01
expect_rejected 3 "not a time" "bad time" log-visit HZ001 --time 3pm
expect_rejected 2 "choose one channel" "two channels" log-visit HZ001 --call --message
expect_rejected 2 "give a customer" "nothing to do" log-visit
expect_rejected 2 "argument 2 is empty" "a stray empty argument (CLI11 used to loop forever)" timeout 10 log-visit HZ001 '' -q
KEQING_REP=ghost expect_rejected 3 "unknown rep 'ghost'" "unknown rep" log-visit HZ001 --call
[ "$(db_query "select count(*) from contacts")" = "$n_before" ] && pass || fail "dry run and rejections stored nothing"

# Void: kept and shown, never deleted; it stops counting.
id=$(db_query "select max(id) from contacts where channel = 'message'")
run log-visit --void "$id" --reason "logged twice"; expect_rc 0 "void"; expect_out "voided #$id" "void message"
run roster show HZ007 --as-of 2026-11-20; expect_out "[voided: logged twice]" "voided contact shown on the card"
expect_rejected 3 "already voided" "void twice" log-visit --void "$id" --reason again
expect_rejected 2 "--reason" "void without reason" log-visit --void "$id"
expect_rejected 3 "no contact #99999" "void unknown" log-visit --void 99999 --reason x

# Import: whole file or nothing; errors name row and column.
cat >"$WORK/k.csv" <<'CSV'
customer,channel,date,time,rep,note,gift,occasion,feedback,preference,favour,family,competitor,slow_mover,asked_help,solved,training
HZ001,visit,2026-11-18,09:00,wang,"陈列,补货",1,,a,b,c,d,e,f,1,帮忙退货,1
同济堂,call,2026-11-18,,li,,,,,,,,,,,,
CSV
run log-visit --import "$WORK/k.csv"; expect_rc 0 "import"; expect_out "imported 2 contacts" "import count"
printf 'customer,channel,date\nHZ001,visit,2026-11-18\nHZ001,visit,2026-13-01\n' >"$WORK/bad.csv"
expect_rejected 3 "bad.csv:3: column date (field 3): '2026-13-01' has no month 13" "import bad date" log-visit --import "$WORK/bad.csv"
printf 'customer,channel,date\nHZ001,visit,2026-11-18\n康泰,visit,2026-11-18\n' >"$WORK/amb.csv"
expect_rejected 3 "amb.csv:3: customer '康泰' is ambiguous" "import ambiguous customer" log-visit --import "$WORK/amb.csv"
printf 'customer,channel,date\nHZ001,"visit,2026-11-18\n' >"$WORK/quote.csv"
expect_rejected 3 "quote.csv:2: a quoted field is never closed" "import malformed CSV" log-visit --import "$WORK/quote.csv"
printf 'customer,channel\nHZ001,visit\n' >"$WORK/nodate.csv"
expect_rejected 3 "required column 'date'" "import missing column" log-visit --import "$WORK/nodate.csv"
# A back-dated contact of an earlier month shows that month, named as such (not "this month").
KEQING_NOW=2026-12-02T10:00 run log-visit HZ001 --call --date 2026-11-28 --dry-run
expect_out "HZ001 in 2026-11 (as of 2026-12-02):" "a back-dated contact names its month"
expect_no_out "this month" "a back-dated contact is not this month's"
KEQING_NOW=2026-11-20T10:00 run log-visit HZ001 --call --date 2026-11-18 --dry-run
expect_out "HZ001 this month (as of 2026-11-20):" "a contact of this month"

# Goal flags say what they counted toward: the goal after the contact, for the contact's rep.
KEQING_NOW=2026-11-20T10:00 run log-visit HZ001 --visit --asked-help --solved 断货 --training --dry-run
expect_out "counts toward: R9 asked customers for help, wang "  "--asked-help names R9 and where it stands"
expect_out "counts toward: R10 problems solved per customer, wang " "--solved names R10"
expect_out "customers still need a problem solved: HZ004 0/1" "R10 names the customers still short"
expect_out "counts toward: R11 formal training at A customers, wang 2/1 (met)" "--training names R11"
KEQING_NOW=2026-11-20T10:00 run log-visit HZ001 --visit --dry-run
expect_no_out "R9" "a contact without goal flags names no goal"

# A family note with a word of the rules proposes the life event, with the command that records it; nothing
# is recorded by itself, and once the event is on record the same note proposes nothing.
n_events=$(db_query "select count(*) from life_events")
run log-visit HZ013 --date 2026-11-20 --family "店长母亲刚做完手术出院"
expect_rc 0 "a visit with a family note"
expect_out "proposed: 重大疾病 (illness, R8) at HZ013 — the notes say “手术”" "the note proposes an illness"
expect_out "roster event add HZ013 --kind illness --date 2026-11-20" "with the command that records it"
[ "$(db_query "select count(*) from life_events")" = "$n_events" ] && pass || fail "a proposal records nothing"
run roster event add HZ013 --kind illness --date 2026-11-18 --note 店长母亲手术
expect_rc 0 "the rep records the proposed event"
run log-visit HZ013 --message --note "问候店长母亲，手术恢复得好"
expect_no_out "proposed:" "an event on record is not proposed again"
run log-visit HZ001 --call --note "确认十二月订货"
expect_no_out "proposed:" "an ordinary note proposes nothing"

# An import reads standard input for "-"; errors name it stdin.
printf 'customer,channel,date\nHZ002,call,2026-11-19\n' | log-visit --import - >"$WORK/out" 2>"$WORK/err"; rc=$?
expect_rc 0 "log-visit --import - reads standard input"
expect_out "imported 1 contacts from stdin" "the summary names stdin"
snapshot
printf 'customer,channel,date\nHZ002,call,2026-13-01\n' | log-visit --import - >"$WORK/out" 2>"$WORK/err"; rc=$?
expect_rc 3 "a bad row on standard input"
expect_err "stdin:2: column date" "the error names stdin and the line"
expect_unchanged "a bad row on standard input stores nothing"
printf 'id,name,team\nsun,孙,华东二组\n' | roster rep import - >"$WORK/out" 2>"$WORK/err"; rc=$?
expect_rc 0 "roster rep import - reads standard input"
expect_out "imported reps from stdin: 1 added" "roster's summary names stdin"
finish
