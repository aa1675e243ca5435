# End-to-end: complaints (issue 18 item 2, seed 002). December 2026 simulated day by day: log-visit
# --complaint records complaints, `roster complaint step` takes them through seed 002's steps (判定 → 责任部门
# → 方案 → 批示 → 通知 → 实施 → 总结, the last one closes), one closes on time, one late, one is dropped, one is
# still open and overdue at the month's end. On the days that tell, remind, check-quota and `roster complaint list` are
# compared with the plan below; the card and the report count what the plan says. Bad steps change nothing.
# On a team server a rep sees and steps complaints of its own customers only.
source "$(dirname "$0")/lib.sh"
roster rep import "$SRC/examples/reps.csv" >/dev/null || { echo "could not load reps"; exit 1; }
roster import "$SRC/examples/customers.csv" >/dev/null || { echo "could not load customers"; exit 1; }

# The plan, by hand. wang serves HZ001 (A) and HZ004 (B), li HZ002 (A). Due: 14 days (the rules) or --due.
#   item  opened  who   customer  due     steps (days)                       closed
#   C1    12-01   wang  HZ001     12-15   12-02 … 12-08, 总结 12-10          12-10 done (on time, 9 days)
#   C2    12-03   li    HZ002     12-08   12-04, 12-05, the rest 12-12       12-12 done (4 days late)
#   C3    12-05   wang  HZ004     12-19   判定 12-06 (不成立)                12-07 dropped
#   C4    12-20   wang  HZ001     12-24   判定 12-22                          open, overdue from 12-25
declare -A ID
step() { roster complaint step "${ID[$1]}" "$2" --note "$3" --on "$DAY" >"$WORK/out" 2>"$WORK/err" ||
  fail "step $2 of $1 on $DAY"; }
opened_id() { sed -n 's/^opened follow-up #\([0-9]*\) .*/\1/p' "$WORK/out"; }
plan_json() {
  cat <<EOF2
{"C1": ["wang", "HZ001", "2026-12-01", "2026-12-15", "2026-12-10",
        ["2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-08", "2026-12-10"]],
 "C2": ["li", "HZ002", "2026-12-03", "2026-12-08", "2026-12-12",
        ["2026-12-04", "2026-12-05", "2026-12-12", "2026-12-12", "2026-12-12", "2026-12-12", "2026-12-12"]],
 "C3": ["wang", "HZ004", "2026-12-05", "2026-12-19", "2026-12-07", ["2026-12-06"]],
 "C4": ["wang", "HZ001", "2026-12-20", "2026-12-24", "9999-12-31", ["2026-12-22"]],
 "ids": {$(for k in "${!ID[@]}"; do printf '"%s": %s, ' "$k" "${ID[$k]}"; done) "_": 0}}
EOF2
}

act() {
  DAY=$1
  export KEQING_NOW=${DAY}T18:00
  case $DAY in
  2026-12-01)
    run log-visit HZ001 --call --date "$DAY" --time 10:00 --rep wang --complaint "送货晚了三天"
    expect_out "投诉 送货晚了三天 (seed 002): due 2026-12-15, owner wang" "a complaint is due the rules' 14 days later"
    ID[C1]=$(opened_id) ;;
  2026-12-02) step C1 判定 "成立" ;;
  2026-12-03)
    step C1 责任部门 "物流部"
    expect_out "next step: 方案" "a step names the next one"
    run log-visit HZ002 --call --date "$DAY" --rep li --complaint "发票开错" --due 2026-12-08
    ID[C2]=$(opened_id) ;;
  2026-12-04) step C1 方案 "补发并赠一箱"; step C2 判定 "成立" ;;
  2026-12-05)
    step C1 批示 "张经理同意"; step C2 责任部门 "财务部"
    run log-visit HZ004 --visit --date "$DAY" --rep wang --complaint "包装破损"
    ID[C3]=$(opened_id) ;;
  2026-12-06) step C1 通知 "已电话告知店长"; step C3 判定 "不成立: 运输途中破损" ;;
  2026-12-07)
    run log-visit --close "${ID[C3]}" --reason "判定不成立, 已答复客户"
    expect_rc 0 "a complaint found unfounded is dropped" ;;
  2026-12-08) step C1 实施 "已送达" ;;
  2026-12-10)
    step C1 总结 "客户满意"
    expect_out "closed #${ID[C1]}: done, 9 days after it was opened" "the last step closes the complaint" ;;
  2026-12-12)
    for s in 方案:重开发票 批示:李经理同意 通知:已邮件告知 实施:已寄出 总结:流程已改; do step C2 "${s%%:*}" "${s#*:}"; done ;;
  2026-12-20)
    run log-visit HZ001 --visit --date "$DAY" --rep wang --complaint "价格标签与发票不一致" --due 2026-12-24
    ID[C4]=$(opened_id) ;;
  2026-12-22) step C4 判定 "成立" ;;
  esac
}

# What remind (7 days ahead), check-quota and `roster complaint list` show on `day`, against the plan.
compare() {
  local day=$1
  remind --all --as-of "$day" --format json >"$WORK/remind.json" 2>/dev/null
  check-quota --all --as-of "$day" --format json >"$WORK/check.json" 2>/dev/null
  roster complaint list --as-of "$day" --format json >"$WORK/list.json" 2>/dev/null
  plan_json >"$WORK/plan.json"
  /usr/bin/python3 - "$day" "$WORK" <<'PY'
import datetime, json, sys
day, work = sys.argv[1], sys.argv[2]
plan = json.load(open(f"{work}/plan.json"))
ids = plan.pop("ids")
steps = ["判定", "责任部门", "方案", "批示", "通知", "实施", "总结"]
d = datetime.date.fromisoformat(day)
horizon = (d + datetime.timedelta(days=7)).isoformat()
def state(due, started=False):
    return "overdue" if due < day else "due" if due == day else "in_progress" if started else "open"
want_remind, want_check, want_list = set(), set(), set()
for name, (rep, code, opened, due, closed, days) in plan.items():
    if name not in ids or opened > day or closed <= day: continue
    started = any(x <= day for x in days)  # the first step puts a complaint in progress
    want_check.add((ids[name], code, state(due, started)))
    if due <= horizon: want_remind.add((rep, ids[name], state(due)))
    age = (d - datetime.date.fromisoformat(opened)).days
    want_list.add((ids[name], rep, state(due, started), age, steps[len([x for x in days if x <= day])]))
got_remind = {(dg["rep"], i["followup"], i["state"]) for dg in json.load(open(f"{work}/remind.json"))
              for i in dg["items"] if i["kind"] == "followup"}
got_check = {(f["id"], f["customer"], f["state"]) for f in json.load(open(f"{work}/check.json"))["followups"]}
got_list = {(c["id"], c["rep"], c["state"], c["age_days"], c["next_step"]) for c in json.load(open(f"{work}/list.json"))}
ok = (got_remind, got_check, got_list) == (want_remind, want_check, want_list)
if not ok: print(day, sorted(got_remind), sorted(want_remind), sorted(got_check), sorted(want_check), sorted(got_list), sorted(want_list))
sys.exit(0 if ok else 1)
PY
}

# Every day acts; the days that tell (one open, one dropped, one overdue, closed on time, closed late, a
# new one within the horizon, overdue at the end) compare: 8 days, to keep the suite short.
for n in $(seq -w 1 31); do
  act "2026-12-$n"
  case $n in 03 | 06 | 07 | 09 | 10 | 12 | 22 | 25) ;; *) continue ;; esac
  compare "2026-12-$n" && pass || fail "day 2026-12-$n: remind, check-quota and complaint list follow the plan"
done
export KEQING_NOW=2026-12-31T18:00

# Spot checks a reader can follow.
run remind --rep wang --as-of 2026-12-26
expect_out "OVERDUE [seed 002] by 2026-12-24 · HZ001 康泰大药房 — 投诉 #${ID[C4]}: 价格标签与发票不一致" \
  "remind: the complaint open past its due day reminds its rep"
run roster complaint show "${ID[C2]}" --as-of 2026-12-31
expect_out "owner li: done, 9 days, due 2026-12-08" "show: closed late, 9 days after it was opened"
expect_out "2026-12-05  责任部门: 财务部" "show: each step dated, with the responsible department"
expect_out "2026-12-12  批示: 李经理同意" "show: the approval"
expect_out "2026-12-12  通知: 已邮件告知" "show: the customer notified"
run roster complaint list --as-of 2026-12-31 --from 2026-12-01 --format csv
expect_out "id,customer,customer_name,rep,body,opened_on,due_on,age_days,state,next_step,steps" "CSV header"
[ "$(grep -c '^[0-9]' "$WORK/out")" = 4 ] && pass || fail "--from lists the month's 4 complaints, closed ones too"
run roster complaint list --as-of 2026-12-31
expect_out "1 complaints" "at the month's end one complaint is open"
run roster show HZ001 --as-of 2026-12-31
expect_out "价格标签与发票不一致" "the card shows the open complaint"
report_counts() {
  report --month 2026-12 --as-of "$1" --format json | /usr/bin/python3 -c '
import json, sys
for c in json.load(sys.stdin)["followups"]["by_rep"]:
    print(c["rep"] or "all", c["opened"], c["closed"], c["done"], c["open"], c["overdue"], c["median_days_to_close"])'
}
expected="wang 3 2 1 1 1 5.5
li 1 1 1 0 0 9
all 4 3 2 1 1 9"
[ "$(report_counts 2026-12-31 | sort)" = "$(sort <<<"$expected")" ] && pass ||
  fail "report as of 12-31: $(report_counts 2026-12-31)"

# Bad steps: one stderr line, the documented status, nothing changed.
expect_rejected 3 "the next step is 责任部门, not 批示" "a step out of order" \
  roster complaint step "${ID[C4]}" 批示 --note x --on 2026-12-31
expect_rejected 3 "step '回访' is not one of a 投诉's" "a step the rules do not name" \
  roster complaint step "${ID[C4]}" 回访 --note x --on 2026-12-31
expect_rejected 3 "is before its last step or its opening on 2026-12-22" "a step before the last one" \
  roster complaint step "${ID[C4]}" 责任部门 --note x --on 2026-12-21
expect_rejected 3 "was closed already on 2026-12-10 (done)" "a step of a closed complaint" \
  roster complaint step "${ID[C1]}" 总结 --note x --on 2026-12-31
expect_rejected 3 "no follow-up #987654" "an unknown complaint" roster complaint step 987654 判定 --note x
expect_rejected 2 "--note is given an empty value" "an empty note" roster complaint step "${ID[C4]}" 责任部门 --note " "
run log-visit HZ001 --call --rep wang --date 2026-12-31 --promise "送海报"
promise=$(opened_id)
expect_rejected 3 "is a promise, which has no steps" "a promise has no steps" \
  roster complaint step "$promise" 判定 --note x
expect_rejected 3 "--on" "a malformed day" roster complaint step "${ID[C4]}" 责任部门 --note x --on 2026-13-01
run roster complaint step "${ID[C4]}" 责任部门 --note 市场部 --on 2026-12-31 --dry-run
expect_out "would record step 责任部门" "--dry-run says what it would record"
[ "$(roster complaint show "${ID[C4]}" | grep -c 市场部)" = 0 ] && pass || fail "--dry-run stores nothing"

if [ "$BACKEND" = postgresql ]; then
  # A rep sees and steps complaints of its own customers only; a hidden one answers like a missing one.
  pg_role wang keqing_rep
  pg_role li keqing_rep
  as li roster complaint step "${ID[C4]}" 责任部门 --note x --on 2026-12-31 </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
  expect_rc 3 "li cannot step wang's complaint"
  expect_err "no follow-up #${ID[C4]}" "wang's complaint is hidden from li"
  psql_as li "SELECT keqing_api.add_followup_step(${ID[C4]}, '责任部门', 'x', '2026-12-31', false)"
  [ "$rc" -ne 0 ] && grep -qF "no follow-up #${ID[C4]}" "$WORK/err" && pass || fail "add_followup_step as li: no follow-up"
  psql_as li "SELECT count(*) FROM keqing_api.followup_steps() WHERE followup_id <> ${ID[C2]}"
  [ "$(out)" = 0 ] && pass || fail "li's followup_steps() holds only its customers' steps: $(out)"
  psql_as li "SELECT count(*) FROM keqing.followup_steps"
  [ "$rc" -ne 0 ] && pass || fail "a rep reads no followup_steps table"
  as li roster complaint list --as-of 2026-12-31 --from 2026-12-01 --format csv </dev/null >"$WORK/out" 2>"$WORK/err"
  [ "$(grep -c '^[0-9]' "$WORK/out")" = 1 ] && pass || fail "li lists its own complaint only: $(out)"
  as wang roster complaint step "${ID[C4]}" 责任部门 --note 市场部 --on 2026-12-31 </dev/null >"$WORK/out" 2>"$WORK/err"
  [ "$(db_query "SELECT note || ' ' || done_on FROM followup_steps WHERE followup_id = ${ID[C4]} AND step = '责任部门'")" = \
    "市场部 2026-12-31" ] && pass || fail "wang steps its complaint through keqing_api: $(cat "$WORK/err")"
fi
finish
