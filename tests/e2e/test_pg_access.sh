# End-to-end, PostgreSQL only: who sees and writes what on a team server (docs/TEAMS.md). A rep's login role
# sees and logs only its own customers and cannot read or write another rep's rows, a manager's sees and
# logs for its teams', an admin's sees everyone and alone changes the roster — through keqing (refusals: one
# line, exit 3, nothing stored) and through psql as the same roles, which reach no table and go through
# keqing_api (schema 6). tests/e2e/test_pg_attacks.sh attacks the same server as an adversary would.
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = postgresql ] || { echo "test_pg_access: PostgreSQL only; skipped"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null &&
  KEQING_NOW=2026-11-20T20:00 roster event import "$SRC/examples/events.csv" >/dev/null ||
  { echo "could not load people and events"; exit 1; }
export KEQING_NOW=2026-11-20T20:00
M=(--month 2026-11 --as-of 2026-11-20)

pg_role wang keqing_rep; pg_role li keqing_rep; pg_role zhao keqing_rep
pg_role zhou keqing_manager; pg_role boss keqing_admin; pg_role guest
db_query "INSERT INTO team_managers VALUES ('zhou', '华东一组')" >/dev/null

expect_value() { if [ "$rc" -eq 0 ] && [ "$(out)" = "$1" ]; then pass; else fail "$2: expected '$1'"; fi; }
# psql failed with the server's error (and, with a snapshot taken, changed nothing).
expect_denied() {
  if [ "$rc" -ne 0 ] && grep -qF -- "$1" "$WORK/err"; then pass; else fail "$2: expected psql to fail with '$1'"; fi
  expect_unchanged "$2"
}
# The sorted, distinct values a Python expression over stdout's JSON (`d`) yields.
json_set() { python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print(' '.join(sorted(set($1))))" "$WORK/out"; }
expect_same() { if [ "$1" = "$2" ] && [ -n "$1" ]; then pass; else fail "$3: '$1' is not '$2'"; fi; }

id_of() { db_query "SELECT id FROM customers WHERE code = '$1'"; }
wang_codes=$(db_query "SELECT string_agg(code, ' ' ORDER BY code) FROM customers c WHERE id IN
  (SELECT customer_id FROM assignments WHERE rep_id = 'wang') AND (closed_on IS NULL OR closed_on >= '2026-11-01')")
li_ids=$(db_query "SELECT string_agg(customer_id::text, ',') FROM assignments WHERE rep_id = 'li'")
li_contact=$(db_query "SELECT min(id) FROM contacts WHERE rep_id = 'li' AND voided_at IS NULL")
li_person=$(db_query "SELECT min(p.id) FROM people p JOIN customers c ON c.id = p.customer_id WHERE c.code = 'HZ002'")
hz001=$(id_of HZ001); hz002=$(id_of HZ002)
refused="refused for role wang"

# --- A rep reads only its own customers.
run check-quota --rep wang "${M[@]}" --format json; owner_wang=$(json_set '[c["code"] for c in d["customers"]]')
run as wang check-quota --all "${M[@]}" --format json; expect_rc 1 "rep: check-quota --all"
expect_same "$(json_set '[c["code"] for c in d["customers"]]')" "$owner_wang" "rep: check-quota --all lists exactly its own customers"
expect_same "$(json_set '[c["rep"] for c in d["customers"]]')" "wang" "rep: check-quota --all shows no other rep"
expect_same "$owner_wang" "$wang_codes" "the owner sees wang's customers of November"
run as wang roster list --as-of 2026-11-20 --format json; expect_rc 0 "rep: roster list"
expect_same "$(json_set '[c["rep"] for c in d]')" "wang" "rep: roster list shows only its own customers"
run as wang report "${M[@]}" --by customer --format json; expect_rc 0 "rep: report"
expect_same "$(json_set '[r["key"] for r in d["rows"]]')" "$owner_wang" "rep: report rows are its own customers"
expect_same "$(json_set '[r["key"] for r in d["reps"]]')" "wang" "rep: report ranks only itself"
run as wang remind --as-of 2026-11-20; expect_out "for wang" "rep: remind"; expect_no_out "HZ002" "rep: remind shows no other rep's customer"
run as wang roster person list; expect_out "张丽" "rep: its customers' people"; expect_no_out "刘建国" "rep: not li's customer's people"
run as wang roster event list --from 2026-11-01 --to 2026-11-30; expect_no_out "HZ002" "rep: not li's customer's life events"
# Another rep's customer is unknown to it, by code and by name; a name shared with it resolves to its own.
expect_rejected 3 "unknown customer 'HZ002'" "rep: another rep's card" as wang roster show HZ002
expect_rejected 3 "unknown customer 'HZ002'" "rep: log for another rep's customer" as wang log-visit HZ002 --call
expect_rejected 3 "unknown customer '老百姓大药房'" "rep: another rep's customer by name" as wang log-visit 老百姓大药房 --call
expect_rejected 3 "unknown customer 'HZ002'" "rep: a person at another rep's customer" as wang roster person add HZ002 小刘
run log-visit 康泰 --call --dry-run; expect_rc 3 "the owner: '康泰' is ambiguous (HZ001 wang, HZ017 li)"
run as wang log-visit 康泰 --call --dry-run; expect_rc 0 "rep: '康泰' is its own HZ001 only"; expect_out "HZ001" "rep: name match among its own customers"

# The same through psql: no table can even be named; through keqing_api nothing of li's is readable (li's
# customers have stages from the examples, and a training recorded here by the owner).
roster training add HZ002 --topic 药品知识 --date 2026-11-19 --rep li >/dev/null || fail "owner: a training at li's HZ002"
snapshot
for t in customers tier_history assignments contacts people life_events team_managers reps keqing_schema settings \
  stage_history trainings; do
  psql_as wang "SELECT count(*) FROM keqing.$t"; expect_denied "permission denied for schema keqing" "rep psql: table $t"
done
all="'0001-01-01', '9999-12-31'"
for f in "customers() x WHERE id" "tier_history() x WHERE customer_id" "assignments() x WHERE customer_id" \
  "contacts($all) x WHERE customer_id" "people() x WHERE customer_id" "life_events() x WHERE customer_id" \
  "stage_history() x WHERE customer_id" "trainings() x WHERE customer_id"; do
  psql_as wang "SELECT count(*) FROM keqing_api.$f IN ($li_ids)"; expect_value 0 "rep psql: li's rows of keqing_api.${f%% *}"
done
psql_as wang "SELECT count(*) FROM keqing_api.contacts($all) WHERE rep_id <> 'wang'"; expect_value 0 "rep psql: no contact of another rep"
psql_as wang "SELECT count(*) FROM keqing_api.contacts($all)"
expect_value "$(db_query "SELECT count(*) FROM contacts WHERE customer_id IN (SELECT customer_id FROM assignments WHERE rep_id = 'wang')")" \
  "rep psql: every contact of its own customers"
psql_as wang "SELECT login FROM keqing_api.team_managers()"; expect_value "" "rep psql: who manages what is the admin's business"

# --- A rep writes nothing of another rep's, and nothing of the roster.
snapshot
log_call() { # CUSTOMER_ID REP: keqing_api.log_contact of a call on 2026-11-20
  echo "SELECT keqing_api.log_contact($1, 'call', '2026-11-20', '', '$2', '', 0, '', '', '', '', '', '', '', 0, '', 0)"
}
not_assigned="is not assigned today to wang or to a rep it manages"
psql_as wang "$(log_call "$hz002" wang)"; expect_denied "customer #$hz002 $not_assigned" "rep psql: a contact for li's customer"
psql_as wang "$(log_call "$hz001" li)"; expect_denied "li is neither wang nor a rep it manages" "rep psql: a contact under li's name"
psql_as wang "SELECT keqing_api.void_contact($li_contact, 'x')"; expect_denied "no contact #$li_contact" "rep psql: voiding li's contact"
psql_as wang "UPDATE keqing.contacts SET note = 'rewritten' WHERE rep_id = 'wang'"
expect_denied "permission denied for schema keqing" "rep psql: its own logged contact cannot be rewritten"
psql_as wang "DELETE FROM keqing.contacts WHERE rep_id = 'wang'"; expect_denied "permission denied for schema keqing" "rep psql: contacts are never deleted"
psql_as wang "SELECT keqing_api.add_person($hz002, '小刘', '', '', '', '', '', '')"
expect_denied "customer #$hz002 $not_assigned" "rep psql: a person at li's customer"
psql_as wang "SELECT keqing_api.update_person($li_person, '刘', '', '', '', '', '', 'x')"
expect_denied "no person #$li_person" "rep psql: editing li's person"
psql_as wang "SELECT keqing_api.add_event($hz002, NULL, 'wedding', '2026-11-19', '')"
expect_denied "customer #$hz002 $not_assigned" "rep psql: a life event at li's customer"
psql_as wang "SELECT keqing_api.update_customer($hz001, '康泰', NULL, NULL, '1', '', '')"
expect_denied "permission denied for function update_customer" "rep psql: customers are the admin's"
psql_as wang "SELECT keqing_api.set_place($hz001, '萧山区', 30.1, 120.2)"
expect_denied "permission denied for function set_place" "rep psql: areas and coordinates are the admin's"
psql_as wang "SELECT keqing_api.assign_rep($hz002, 'wang', '2026-11-01')"
expect_denied "permission denied for function assign_rep" "rep psql: no taking over li's customer"
psql_as wang "SELECT keqing_api.add_manager('wang', '华东一组')"
expect_denied "permission denied for function add_manager" "rep psql: no making itself a manager"

# keqing says so in one line, exit 3, and stores nothing.
expect_rejected 3 "li is neither wang nor a rep it manages" "rep: log under li's name" \
  as wang log-visit HZ001 --call --rep li
expect_err "log-visit: error: database postgresql://wang@" "rep: the refusal names the database and role"
expect_err "$refused" "rep: the refusal names the role"
expect_rejected 3 "no contact #$li_contact" "rep: void li's contact" as wang log-visit --void "$li_contact" --reason 重复
expect_rejected 3 "no person #$li_person" "rep: edit li's person" as wang roster person edit "$li_person" --note x
expect_rejected 3 "$refused: permission denied for function add_customer" "rep: roster add" \
  as wang roster add HZ099 新药房 --tier A --rep wang
expect_rejected 3 "$refused: permission denied for function update_customer" "rep: roster edit" as wang roster edit HZ001 --phone 1
expect_rejected 3 "$refused: permission denied for function update_customer" "rep: roster edit --area" \
  as wang roster edit HZ001 --area 萧山区 --geo 30.1,120.2
expect_rejected 3 "$refused: permission denied for function set_tier" "rep: roster tier" \
  as wang roster tier HZ001 B --from 2026-11-01
expect_rejected 3 "$refused: permission denied for function assign_rep" "rep: roster assign" \
  as wang roster assign HZ001 li --from 2026-11-01
expect_rejected 3 "$refused: permission denied for function add_rep" "rep: roster rep add" \
  as wang roster rep add ma --name 马军 --team 华东一组
printf 'code,name,tier,rep\nHZ098,甲,A,wang\n' >"$WORK/c.csv"
expect_rejected 3 "$refused: permission denied for function add_customer" "rep: roster import" as wang roster import "$WORK/c.csv"
printf 'customer,channel,date,rep\nHZ001,call,2026-11-19,wang\nHZ004,call,2026-11-19,li\n' >"$WORK/k.csv"
expect_rejected 3 "li is neither wang nor a rep it manages" "rep: an import with a row under li's name stores none" \
  as wang log-visit --import "$WORK/k.csv"
expect_err "$WORK/k.csv:3: database postgresql://wang@" "rep: the refusal names the file's line"
# The refused row in the second batch of a thousand: the first batch is not kept either.
{ echo customer,channel,date,rep; for i in $(seq 1 1499); do echo HZ001,call,2026-11-19,wang; done; echo HZ004,visit,2026-11-18,li; } >"$WORK/k2.csv"
expect_rejected 3 "$WORK/k2.csv:1501: database postgresql://wang@" "rep: a refused row in a later batch names its line" \
  as wang log-visit --import "$WORK/k2.csv"

# --- What a rep may do: log and void for its own customers, record their people and life events.
run as wang log-visit HZ013 --call --note 确认订货; expect_rc 0 "rep: log for its own customer"
expect_out "on 2026-11-20 20:00 by wang" "rep: logged under its name"
own=$(db_query "SELECT max(id) FROM contacts WHERE rep_id = 'wang'")
[ "$(db_query "SELECT code FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = $own")" = HZ013 ] && pass || fail "rep: the contact is stored"
run as wang log-visit --void "$own" --reason 记错了; expect_rc 0 "rep: void its own contact"; expect_out "voided #$own" "rep: void message"
expect_rejected 3 "already voided" "rep: void twice" as wang log-visit --void "$own" --reason again
snapshot
psql_as wang "SELECT keqing_api.void_contact($own, 'again')"; expect_denied "was already voided; a void is final" "rep psql: a void is final"
printf 'customer,channel,date\nHZ001,call,2026-11-19\nHZ007,visit,2026-11-19\n' >"$WORK/own.csv"
run as wang log-visit --import "$WORK/own.csv"; expect_rc 0 "rep: import contacts for its own customers"
expect_out "imported 2 contacts" "rep: import count"
run as wang roster person add HZ001 小王 --role 营业员 --birthday 1999-03-08; expect_rc 0 "rep: add a person to its own customer"
[ "$(db_query "SELECT count(*) FROM people WHERE name = '小王' AND customer_id = $hz001")" = 1 ] && pass || fail "rep: the person is stored"
run as wang roster person edit "$(db_query "SELECT id FROM people WHERE name = '张丽'")" --note 爱喝普洱; expect_rc 0 "rep: edit its customer's person"
run as wang roster event add HZ004 --kind wedding --date 2026-11-19; expect_rc 0 "rep: a life event at its own customer"
psql_as wang "$(log_call "$hz001" wang)"; expect_rc 0 "rep psql: a contact for its own customer through keqing_api"
[ "$(db_query "SELECT rep_id FROM contacts WHERE id = $(out)")" = wang ] && pass || fail "rep psql: stored under its name"
run as li log-visit HZ002 --visit --feedback 好卖; expect_rc 0 "the other rep logs for its own customer"

# --- History, undo and removals (issue 20): a rep lists only its own customers' contacts, undoes only its
# own last contact, removes people and life events only at its own customers.
wang_ever=$(db_query "SELECT string_agg(DISTINCT c.code, ' ' ORDER BY c.code) FROM customers c JOIN assignments a ON
  a.customer_id = c.id WHERE a.rep_id = 'wang'")
run log-visit --list --from 2026-11-01 --to 2026-11-20 --format csv; expect_out "HZ002,visit" "the owner's history has li's"
run as wang log-visit --list --from 2026-11-01 --to 2026-11-20 --format csv; expect_rc 0 "rep: history"
outside=$(tail -n +2 "$WORK/out" | cut -d, -f1 | sort -u | while read -r code; do
  case " $wang_ever " in *" $code "*) ;; *) echo "$code" ;; esac; done)
[ -z "$outside" ] && [ "$(wc -l <"$WORK/out")" -gt 10 ] && pass || fail "rep: history of its own customers only (not: $outside)"
expect_rejected 3 "unknown customer 'HZ002'" "rep: another rep's customer's history" as wang log-visit --list HZ002
run as wang log-visit --undo; expect_rc 0 "rep: undo"; expect_out "by wang" "rep: undo voids its own last contact"
run as li log-visit --undo; expect_rc 0 "the other rep: undo"; expect_out "undone" "li undoes"
expect_out "by li" "the other rep's undo voids its own, never wang's"
li_event=$(db_query "SELECT min(e.id) FROM life_events e JOIN customers c ON c.id = e.customer_id WHERE c.code = 'HZ002'")
expect_rejected 3 "no person #$li_person" "rep: remove li's person" as wang roster person remove "$li_person" --reason x
expect_rejected 3 "no life event #$li_event" "rep: remove li's life event" as wang roster event remove "$li_event" --reason x
snapshot; psql_as wang "SELECT keqing_api.remove_person($li_person, 'x')"; expect_denied "no person #$li_person" "rep psql: removing li's person"
snapshot; psql_as wang "SELECT keqing_api.remove_event($li_event, 'x')"; expect_denied "no life event #$li_event" "rep psql: removing li's event"
run as wang roster person remove "$(db_query "SELECT id FROM people WHERE name = '小王'")" --reason 离职
expect_rc 0 "rep: remove a person at its own customer"
[ "$(db_query "SELECT removed_reason FROM people WHERE name = '小王'")" = 离职 ] && pass || fail "rep: kept with the reason"

# --- A manager sees its team's customers (wang's and li's), not zhao's, and logs for them.
run roster list --as-of 2026-11-20 --team 华东一组 --format json; team=$(json_set '[c["code"] for c in d]')
run as zhou roster list --as-of 2026-11-20 --format json; expect_rc 0 "manager: roster list"
expect_same "$(json_set '[c["code"] for c in d]')" "$team" "manager: sees exactly its team's customers"
expect_same "$(json_set '[c["rep"] for c in d]')" "li wang" "manager: wang's and li's"
run as zhou check-quota --all "${M[@]}" --format json; expect_rc 1 "manager: check-quota --all"
expect_same "$(json_set '[c["rep"] for c in d["customers"]]')" "li wang" "manager: check-quota --all has no zhao customer"
run as zhou report "${M[@]}" --by team --format json; expect_same "$(json_set '[r["key"] for r in d["rows"]]')" "华东一组" "manager: report has its team only"
expect_rejected 3 "unknown customer 'HZ003'" "manager: zhao's customer" as zhou roster show HZ003
psql_as zhou "SELECT count(*) FROM keqing_api.contacts($all) WHERE rep_id = 'zhao'"; expect_value 0 "manager psql: no zhao contact"
run as zhou log-visit HZ002 --call --rep li --note 经理代记; expect_rc 0 "manager: logs for li's customer"; expect_out "by li" "manager: under li's name"
run as zhou log-visit HZ001 --call --rep wang; expect_rc 0 "manager: logs for wang's customer"
expect_rejected 3 "zhao is neither zhou nor a rep it manages" "manager: under the name of a rep of another team" \
  as zhou log-visit HZ001 --call --rep zhao
expect_rejected 3 "unknown customer 'HZ003'" "manager: log for zhao's customer" as zhou log-visit HZ003 --call --rep zhao
wang_contact=$(db_query "SELECT min(id) FROM contacts WHERE rep_id = 'wang' AND voided_at IS NULL")
run as zhou log-visit --void "$wang_contact" --reason 重复; expect_rc 0 "manager: voids its rep's contact"
zhao_contact=$(db_query "SELECT min(id) FROM contacts WHERE rep_id = 'zhao'")
expect_rejected 3 "no contact #$zhao_contact" "manager: void a contact of another team" as zhou log-visit --void "$zhao_contact" --reason x
expect_rejected 3 "refused for role zhou: permission denied for function add_customer" "manager: roster add" \
  as zhou roster add HZ099 新药房 --tier A --rep wang

# --- The admin sees every customer and changes the roster.
run roster list --as-of 2026-11-20 --format csv; everyone=$(out)
run as boss roster list --as-of 2026-11-20 --format csv; expect_rc 0 "admin: roster list"
[ "$(out)" = "$everyone" ] && pass || fail "admin: sees every customer"
run as boss roster add HZ041 新开药房 --tier B --rep li --opened 2026-11-01; expect_rc 0 "admin: add a customer"
# From a day long past: who may log is decided by the assignment in effect on the server's date.
run as boss roster assign HZ013 zhao --from 2024-01-01; expect_rc 0 "admin: re-assign a customer"
expect_out "rep zhao" "admin: assigned"
run as boss roster tier HZ004 A --from 2026-12-01; expect_rc 0 "admin: re-tier"
run as boss roster edit HZ004 --area 上城区 --geo 30.2411,120.1712; expect_rc 0 "admin: area and coordinates"
[ "$(db_query "SELECT area || ' ' || lat || ',' || lon FROM customers WHERE code = 'HZ004'")" = "上城区 30.2411,120.1712" ] \
  && pass || fail "admin: area and coordinates stored through keqing_api.set_place"
run as wang plan --from 2026-11-23 --format json; expect_rc 1 "rep: its plan"
python3 -c "import json,sys; p=json.load(open(sys.argv[1])); assert {c['customer'] for d in p['plan'] for c in d['contacts']} <= set(sys.argv[2].split()), p" \
  "$WORK/out" "$wang_codes" && pass || fail "rep: its plan holds only its own customers"
run as boss roster rep add ma --name 马军 --team 华东二组; expect_rc 0 "admin: add a rep"
psql_as boss "SELECT keqing_api.add_manager('zhou', '华东二组')"; expect_rc 0 "admin psql: a manager gets a second team"
[ "$(db_query "SELECT count(*) FROM team_managers WHERE login = 'zhou'")" = 2 ] && pass || fail "admin psql: stored"
psql_as boss "SELECT keqing_api.remove_manager('zhou', '华东二组')"; expect_rc 0 "admin psql: and loses it"
[ "$(db_query "SELECT count(*) FROM team_managers WHERE login = 'zhou'")" = 1 ] && pass || fail "admin psql: removed"
run as boss log-visit --void "$li_contact" --reason 重复; expect_rc 0 "admin: voids anyone's contact"
for t in "contacts($all)" "people()" "life_events()" "customers()"; do
  psql_as boss "SELECT count(*) FROM keqing_api.$t"; expect_value "$(db_query "SELECT count(*) FROM ${t%%(*}")" "admin psql: every row of $t"
done
run as boss check-quota --all "${M[@]}" --format json
expect_same "$(json_set '[c["rep"] for c in d["customers"]]')" "li wang zhao" "admin: check-quota --all has everyone"

# After the re-assignment: li sees its new customer; HZ013 is zhao's to log, wang still reads its history.
run as li roster show HZ041; expect_rc 0 "rep: a customer newly assigned to it"
run as wang roster show HZ013 --as-of 2026-11-20; expect_rc 0 "rep: a former customer's card"; expect_out "rep zhao" "rep: now zhao's"
expect_rejected 3 "$not_assigned" "rep: no logging for a former customer" as wang log-visit HZ013 --call
expect_rejected 3 "is not assigned today to zhou or to a rep it manages" "manager: no logging for a customer that left its team" \
  as zhou log-visit HZ013 --call --rep wang
run as zhao log-visit HZ013 --call; expect_rc 0 "rep: logs for the customer assigned to it"

# --- A role in none of the three may not connect (the bootstrap revoked CONNECT from PUBLIC), nor read anything
# where it may; a rep cannot upgrade the schema.
expect_rejected 4 "permission denied for database" "no keqing role: no connection" as guest roster list
psql -qX "$KEQING_DB" -c "GRANT CONNECT ON DATABASE $PG_DB TO guest" >/dev/null
expect_rejected 3 "role guest is not a keqing role; an admin makes it a member of keqing_rep" "no keqing role" as guest roster list
psql -qX "$KEQING_DB" -c "REVOKE CONNECT ON DATABASE $PG_DB FROM guest" >/dev/null
latest=$(db_query "SELECT version FROM keqing_schema")
db_query "UPDATE keqing_schema SET version = 5" >/dev/null
run as wang roster list; expect_rc 4 "rep: opening a database not yet upgraded"
expect_err "has schema version 5; the database's owner must open it once with this keqing" "rep: tells who must upgrade"
db_query "UPDATE keqing_schema SET version = $latest" >/dev/null
finish
