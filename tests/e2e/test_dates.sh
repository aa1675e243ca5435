# End-to-end: dates and months as people say them (issue 20 item 2) — every date option takes
# yesterday, 昨天, 上周五, -3, fri…; every month option this, last, -1, 上月; ambiguous and impossible
# dates are refused with one line and change nothing. Today is Friday 2026-11-20.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang

day_of() { db_query "select happened_on from contacts where note = '$1'"; }
logged() { # NOTE DATE-TEXT EXPECTED-DAY
  run log-visit HZ007 --call --note "$1" --date "$2"
  expect_rc 0 "log-visit --date $2"
  [ "$(day_of "$1")" = "$3" ] && pass || fail "--date $2 stored $(day_of "$1"), expected $3"
}
logged d-yesterday yesterday 2026-11-19
logged d-zuotian 昨天 2026-11-19
logged d-qiantian 前天 2026-11-18
logged d-last-friday 上周五 2026-11-13
logged d-minus3 -3 2026-11-17
logged d-mon mon 2026-11-16
logged d-fri Fri 2026-11-20
logged d-zhouyi 周一 2026-11-16
logged d-yearless 11-05 2026-11-05
logged d-chinese 11月2日 2026-11-02
logged d-iso 2026-11-03 2026-11-03
run log-visit HZ007 --call --note d-show --date yesterday
expect_out "on 2026-11-19" "the log line shows the resolved day"

run check-quota --all --month last --format json
expect_out '"month": "2026-10"' "check-quota --month last"
run check-quota --all --month 上月 --format json
expect_out '"month": "2026-10"' "check-quota --month 上月"
run check-quota --all --month -2 --format json
expect_out '"month": "2026-09"' "check-quota --month -2"
run check-quota --all --as-of yesterday --format json
expect_out '"as_of": "2026-11-19"' "check-quota --as-of yesterday"
run check-quota --all --as-of 上周五 --format json
expect_out '"as_of": "2026-11-13"' "check-quota --as-of 上周五"
run report --month last --format json
expect_out '2026-10' "report --month last"
expect_no_out '2026-11-' "report --month last stays in October"
run report --from -2 --to 上月 --format csv
expect_rc 0 "report --from -2 --to 上月"
run report --as-of 昨天 --format json
expect_out '2026-11-19' "report --as-of 昨天"
run roster event add HZ007 --kind wedding --date 前天 --note 婚礼
if [ "$rc" -eq 0 ]; then pass; else fail "roster event add --date 前天"; fi
run roster show HZ007 --as-of -1
expect_rc 0 "roster show --as-of -1"
run roster edit HZ040 --opened 2025年3月1日
expect_rc 0 "roster edit --opened 2025年3月1日"
[ "$(db_query "select opened_on from customers where code = 'HZ040'")" = 2025-03-01 ] && pass || fail "--opened stored"

expect_rejected 3 "--date: '5/6' is ambiguous: 2026-05-06 or 2026-06-05; write 2026-05-06" "ambiguous slashes" log-visit HZ007 --call --date 5/6
expect_rejected 3 "--date: '2026-02-30' is not a real date" "impossible ISO date" log-visit HZ007 --call --date 2026-02-30
expect_rejected 3 "--date: '2月30日' is not a real date: month 2 has 29 days" "impossible Chinese date" log-visit HZ007 --call --date 2月30日
expect_rejected 3 "--date: 'someday' is not a date; write YYYY-MM-DD, today, yesterday" "unknown word" log-visit HZ007 --call --date someday
expect_rejected 3 "is in the future" "tomorrow is still refused for a contact" log-visit HZ007 --call --date 明天
expect_rejected 3 "--as-of: '6/5' is ambiguous" "ambiguous --as-of" check-quota --all --as-of 6/5
expect_rejected 3 "--month: 'lastt' is not a month; write YYYY-MM, this, last, -1 or 上月" "bad month word" check-quota --all --month lastt
expect_rejected 3 "--month: '13月' has no month 13" "impossible Chinese month" report --month 13月
expect_rejected 3 "--from: '5/6' is ambiguous" "ambiguous roster --from" roster tier HZ007 B --from 5/6
finish
