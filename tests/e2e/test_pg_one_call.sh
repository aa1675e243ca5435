# End-to-end, PostgreSQL only: schema 17's one-call reads (schemas/017_one_call_reads.sql), which one rep's
# commands use when they read through keqing_api (lib/store/pg_reads.cpp). Each function answers what the
# calls it replaces answered, for a rep, a manager and an admin alike; a rep reaches through it only its own
# customers, and another rep's name or customers' ids find nothing; each is hardened as every API function
# (SECURITY DEFINER, search path and planner pinned, EXECUTE for the keqing groups alone); and one rep's
# check-quota, remind and plan print, as its own login, what they print as the owner, who reads the tables.
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = postgresql ] || { echo "test_pg_one_call: PostgreSQL only; skipped"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null && roster event import "$SRC/examples/events.csv" >/dev/null ||
  { echo "could not load people and events"; exit 1; }
# Events of wang's HZ001: a yearly one long ago, a yearly one and a wedding near the days remind reads.
for e in "anniversary --date 2016-11-18" "anniversary --date 2026-10-15" "wedding --date 2026-11-15"; do
  roster event add HZ001 --kind $e >/dev/null || { echo "could not add an event: $e"; exit 1; }
done
export KEQING_NOW=2026-11-20T20:00
pg_role wang keqing_rep; pg_role li keqing_rep; pg_role zhou keqing_manager; pg_role boss keqing_admin
pg_role guest
db_query "INSERT INTO team_managers VALUES ('zhou', '华东一组')" >/dev/null
# A hand-over and a tier change inside November, and a voided contact of wang's: histories of two entries.
run roster assign HZ004 li --from 2026-11-10; expect_rc 0 "HZ004 handed to li"
run roster tier HZ001 B --from 2026-11-05; expect_rc 0 "HZ001 re-tiered"
wang_contact=$(db_query "SELECT min(id) FROM contacts WHERE rep_id = 'wang' AND happened_on >= '2026-11-01'")
run log-visit --void "$wang_contact" --reason "one-call test"; expect_rc 0 "a contact of wang's voided"
run log-visit HZ001 --visit --rep wang --date 2026-09-24 --occasion mid-autumn; expect_rc 0 "a tagged contact of wang's"

# same ROLE WHAT SQL_NEW SQL_OLD: as ROLE, the new function's rows are the old calls' rows (both sorted), and
# there are some.
same() {
  psql_as "$1" "$3"; local new; new=$(sort "$WORK/out"); [ "$rc" = 0 ] || { fail "[$1] $2: $(head -c 200 "$WORK/err")"; return; }
  psql_as "$1" "$4"; local old; old=$(sort "$WORK/out"); [ "$rc" = 0 ] || { fail "[$1] $2 (old): $(head -c 200 "$WORK/err")"; return; }
  if [ -n "$new" ] && [ "$new" = "$old" ]; then pass; else fail "[$1] $2: $(diff <(echo "$old") <(echo "$new") | head -4 | tr '\n' ' ')"; fi
}
# nothing ROLE WHAT SQL: as ROLE, SQL succeeds and returns no row.
nothing() {
  psql_as "$1" "$3"
  if [ "$rc" = 0 ] && [ ! -s "$WORK/out" ]; then pass; else fail "[$1] $2: exit $rc, $(head -c 200 "$WORK/out")"; fi
}
histories_old="SELECT c.id, c.code, c.name, c.opened_on, c.closed_on, c.phone, c.address, c.stage, t.tier,
  t.effective_from, a.rep_id, a.effective_from FROM keqing_api.customers() c
  LEFT JOIN keqing_api.tier_history() t ON t.customer_id = c.id LEFT JOIN keqing_api.assignments() a ON a.customer_id = c.id"
histories_new="SELECT h.* FROM keqing_api.customer_histories"
ids_of() { db_query "SELECT string_agg(customer_id::text, ',' ORDER BY customer_id) FROM assignments WHERE rep_id = '$1'"; }
wang_ids=$(ids_of wang); li_ids=$(ids_of li); zhao_ids=$(ids_of zhao)
ids_old="SELECT k.id FROM keqing_api.contacts('2026-11-01', '2026-11-30') k WHERE k.voided_at IS NULL AND k.rep_id ="
ids_new="SELECT k FROM keqing_api.contact_ids_of_reps('2026-11-01', '2026-11-30',"
elsewhere="SELECT k FROM keqing_api.contact_ids_elsewhere('2026-11-01', '2026-11-30',"

for who in wang zhou boss; do
  same $who "customer_histories(NULL, NULL): every customer it sees, with its histories" \
    "$histories_new(NULL, NULL, NULL) h" "$histories_old"
  same $who "customer_histories(rep): the customers ever that rep's" \
    "$histories_new('wang', NULL, NULL) h" "$histories_old WHERE c.id IN (SELECT customer_id FROM keqing_api.assignments() WHERE rep_id = 'wang')"
  same $who "customer_histories(NULL, ids): those customers" \
    "$histories_new(NULL, '{$wang_ids}', NULL) h" "$histories_old WHERE c.id IN ($wang_ids)"
  same $who "customer_histories(NULL, NULL, code): that customer" \
    "$histories_new(NULL, NULL, 'HZ001') h" "$histories_old WHERE c.code = 'HZ001'"
  same $who "contact_ids_of_reps: the rep's contacts of the days, not voided" "$ids_new ARRAY['wang']) k" "$ids_old 'wang'"
  same $who "reps_named: the reps named" "SELECT r.* FROM keqing_api.reps_named(ARRAY['wang', 'zhao', 'nobody']) r" \
    "SELECT r.* FROM keqing_api.reps() r WHERE r.id IN ('wang', 'zhao')"
  same $who "contact_facts: the customers' contacts of the days, not voided" \
    "SELECT k.* FROM keqing_api.contact_facts('2026-10-01', '2026-11-30', '{$wang_ids}') k" \
    "SELECT k.customer_id, k.channel, k.rep_id, k.flags, k.lag, k.happened_on, k.id FROM keqing_api.contacts('2026-10-01', '2026-11-30') k
      WHERE k.customer_id IN ($wang_ids) AND k.voided_at IS NULL"
  same $who "contact_ids_elsewhere: the rep's contacts of the days, not voided, but at the customers seen" \
    "$elsewhere ARRAY['wang'], '{$li_ids}') k" "$ids_old 'wang' AND k.customer_id NOT IN ($li_ids)"
  same $who "tagged_contacts: the customers' tagged contacts of the days" \
    "SELECT k.* FROM keqing_api.tagged_contacts('2026-09-01', '2026-11-30', '{$wang_ids}') k" \
    "SELECT k.* FROM keqing_api.contacts('2026-09-01', '2026-11-30') k WHERE k.customer_id IN ($wang_ids) AND k.occasion <> ''"
done
# The voided contact is left out, and it is wang's.
psql_as wang "$ids_new ARRAY['wang']) k WHERE k = $wang_contact"
if [ "$rc" = 0 ] && [ ! -s "$WORK/out" ]; then pass; else fail "contact_ids_of_reps left a voided contact in"; fi
# An admin and a manager see li's customers (the manager: li is in its team); zhao's only the admin.
same zhou "customer_histories: the manager sees li's customers" "SELECT h.id FROM keqing_api.customer_histories('li', NULL, NULL) h" \
  "SELECT customer_id FROM keqing_api.assignments() WHERE customer_id IN ($li_ids) AND customer_id IN
   (SELECT customer_id FROM keqing_api.assignments() WHERE rep_id = 'li') AND customer_id IN (SELECT id FROM keqing_api.customers())"
same boss "customer_histories: the admin sees zhao's customers" "SELECT DISTINCT h.id FROM keqing_api.customer_histories('zhao', NULL, NULL) h" \
  "SELECT DISTINCT customer_id FROM keqing_api.assignments() WHERE rep_id = 'zhao'"

# A rep reaches nothing of another rep's through them: not by its name, not by its customers' ids, not by
# its contacts; wang's own HZ004, handed to li, stays wang's to read, and only it.
nothing wang "customer_histories of zhao's name" "$histories_new('zhao', NULL, NULL) h"
nothing wang "customer_histories of zhao's customers' ids" "$histories_new(NULL, '{$zhao_ids}', NULL) h"
nothing wang "customer_histories of li's name and li's ids" \
  "$histories_new('li', '{$li_ids}', NULL) h WHERE h.code <> 'HZ004'"
nothing wang "customer_histories of li's customer's code" "$histories_new(NULL, NULL, 'HZ002') h"
nothing wang "contact_ids_of_reps of li and zhao" "$ids_new ARRAY['li', 'zhao']) k"
nothing wang "contact_ids_elsewhere of wang, every customer of its seen" "$elsewhere ARRAY['wang'], '{$wang_ids}') k"
nothing wang "contact_ids_elsewhere of li and zhao" "$elsewhere ARRAY['li', 'zhao'], '{}') k"
nothing wang "contact_facts of zhao's customers" "SELECT k.* FROM keqing_api.contact_facts('0001-01-01', '9999-12-31', '{$zhao_ids}') k"
nothing wang "tagged_contacts of zhao's customers" "SELECT k.* FROM keqing_api.tagged_contacts('0001-01-01', '9999-12-31', '{$zhao_ids}') k"
nothing zhou "manager: contact_facts of zhao's customers" "SELECT k.* FROM keqing_api.contact_facts('0001-01-01', '9999-12-31', '{$zhao_ids}') k"
nothing zhou "manager: customer_histories of zhao's (another team's) ids" "$histories_new(NULL, '{$zhao_ids}', NULL) h"
nothing zhou "manager: customer_histories of zhao's customer's code" "$histories_new(NULL, NULL, 'HZ003') h"
nothing zhou "manager: contact_ids_of_reps of zhao" "$ids_new ARRAY['zhao']) k"
psql_as wang "SELECT DISTINCT h.code FROM keqing_api.customer_histories('li', NULL, NULL) h"
if [ "$rc" = 0 ] && [ "$(out)" = HZ004 ]; then pass; else fail "wang: li's customers it sees are HZ004 alone: $(out)"; fi
# A role in no keqing group may not call them at all; nor may a rep call keqing_private.visible_ids().
for f in "customer_histories(NULL, NULL, NULL)" "contact_ids_of_reps('2026-11-01', '2026-11-30', ARRAY['wang'])" \
  "reps_named(ARRAY['wang'])" "contact_facts('2026-11-01', '2026-11-30', '{1}')" \
  "tagged_contacts('2026-11-01', '2026-11-30', '{1}')" \
  "contact_ids_elsewhere('2026-11-01', '2026-11-30', ARRAY['wang'], '{1}')"; do
  psql_as guest "SELECT * FROM keqing_api.$f"
  if [ "$rc" != 0 ] && grep -q "permission denied" "$WORK/err"; then pass; else fail "guest called keqing_api.$f"; fi
done
psql_as wang "SELECT * FROM keqing_private.visible_ids()"
if [ "$rc" != 0 ] && grep -q "permission denied" "$WORK/err"; then pass; else fail "wang called keqing_private.visible_ids()"; fi

# Hardened as schema 6's: SECURITY DEFINER, search path pg_catalog then pg_temp, the planner's settings and
# client_min_messages pinned, nothing for PUBLIC, EXECUTE for the three keqing groups.
for f in "keqing_api.customer_histories(text,bigint[],text)" "keqing_api.contact_ids_of_reps(text,text,text[])" \
  "keqing_api.reps_named(text[])" "keqing_api.contact_facts(text,text,bigint[])" \
  "keqing_api.tagged_contacts(text,text,bigint[])" "keqing_api.contact_ids_elsewhere(text,text,text[],bigint[])" \
  "keqing_private.visible_ids()"; do
  row=$(db_query "SELECT p.prosecdef, 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig),
      'enable_seqscan=on' = ANY (p.proconfig) OR p.pronamespace = 'keqing_private'::regnamespace,
      'client_min_messages=warning' = ANY (p.proconfig) OR p.pronamespace = 'keqing_private'::regnamespace,
      has_function_privilege('public', p.oid, 'EXECUTE'),
      has_function_privilege('keqing_rep', p.oid, 'EXECUTE') = (p.pronamespace = 'keqing_api'::regnamespace),
      has_function_privilege('keqing_manager', p.oid, 'EXECUTE') = (p.pronamespace = 'keqing_api'::regnamespace),
      has_function_privilege('keqing_admin', p.oid, 'EXECUTE') = (p.pronamespace = 'keqing_api'::regnamespace)
    FROM pg_proc p WHERE p.oid = '$f'::regprocedure")
  if [ "$row" = "t|t|t|t|f|t|t|t" ]; then pass; else fail "$f is not hardened as the API is: $row"; fi
done
if [ "$(db_query "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                  WHERE p.oid = 'keqing_private.visible_ids()'::regprocedure")" = plpgsql ]; then pass; else
  fail "visible_ids() is not plpgsql (its plan would not be kept)"; fi

# One rep's commands print, as its own login (through these functions), what they print as the owner.
as_owner_and_rep() { # WHAT CMD…
  local what=$1; shift
  run "$@"; cp "$WORK/out" "$WORK/owner.out"; local owner_rc=$rc
  run as wang "$@"
  if [ "$rc" = "$owner_rc" ] && [ -s "$WORK/out" ] && cmp -s "$WORK/out" "$WORK/owner.out"; then pass; else
    fail "$what: as wang (exit $rc) not as the owner (exit $owner_rc): $(diff "$WORK/owner.out" "$WORK/out" | head -4 | tr '\n' ' ')"; fi
}
for f in table json; do
  as_owner_and_rep "check-quota --rep ($f)" check-quota --rep wang --month 2026-11 --as-of 2026-11-20 --format $f --wide
  as_owner_and_rep "check-quota --rep, October ($f)" check-quota --rep wang --month 2026-10 --as-of 2026-11-20 --format $f --wide
done
as_owner_and_rep "remind --rep" remind --rep wang --as-of 2026-11-20 --wide
# A manager reads a rep of its team through the same kept histories (lib/store/pg_reads.cpp).
run remind --rep li --as-of 2026-11-20 --wide; cp "$WORK/out" "$WORK/owner.out"; owner_rc=$rc
run as zhou remind --rep li --as-of 2026-11-20 --wide
if [ "$rc" = "$owner_rc" ] && [ -s "$WORK/out" ] && cmp -s "$WORK/out" "$WORK/owner.out"; then pass; else
  fail "remind --rep li as zhou (exit $rc) not as the owner (exit $owner_rc): $(diff "$WORK/owner.out" "$WORK/out" | head -4 | tr '\n' ' ')"; fi
as_owner_and_rep "remind --rep (json)" remind --rep wang --as-of 2026-11-03 --days 14 --format json
as_owner_and_rep "plan --rep" plan --rep wang --from 2026-11-20 --format json
as_owner_and_rep "check-quota --customer" check-quota --customer HZ001 --month 2026-11 --as-of 2026-11-20 --format json
as_owner_and_rep "log-visit --dry-run" log-visit HZ001 --call --rep wang --date 2026-11-20 --dry-run
# A life event still names its person once that person is removed (the kept people's names include the
# removed ones; the people read for the rest leave them out), as the owner and as the rep.
run roster person remove "$(db_query "SELECT id FROM people WHERE name = '刘建国'")" --reason "one-call test"
expect_rc 0 "刘建国 removed"
for who in owner li; do
  if [ $who = owner ]; then run remind --rep li --as-of 2026-11-03 --days 14 --wide; else
    run as li remind --rep li --as-of 2026-11-03 --days 14 --wide; fi
  if grep -q "HZ002 .* · 刘建国 — " "$WORK/out"; then pass; else fail "[$who] the wedding at HZ002 lost its removed person's name: $(head -c 300 "$WORK/out")"; fi
done
# Within one read, a rep's customers and their histories, people and life events are each asked for once:
# each later ask (the month's customers, the opening days, those of a day, some of them by id or code;
# birthdays, people, events of other days) is answered from the rows kept, and the people and events are
# read for the kept customers' ids, without customers() or assignments(); remind's passes over contacts (the
# month so far, 30 days of proposals, the intel window's last 30 days) are one read of the widest days, and
# the window's earlier days one more for the files without intel in those (6 and 5 calls of contacts() before
# schema 17); passes and tagged contacts read the kept customers' contacts alone (contact_facts(),
# tagged_contacts(): schema 20), contacts() is left to the noted ones; the goals ask for the rep's contacts
# elsewhere than at the customers the pass read (contact_ids_elsewhere()). Counted by the server
# (track_functions, this database only), once the command's backend has gone: people() once (the events
# take their people's names from it), customers() once in remind (beside its follow-ups and trainings).
db_query "ALTER DATABASE $PG_DB SET track_functions = 'all'" >/dev/null
api_calls() { # CMD…: how many times the command, as wang, called each keqing_api function that reads customers
  db_query "SELECT pg_stat_reset()" >/dev/null
  run as wang "$@"
  for _ in $(seq 50); do
    [ "$(db_query "SELECT count(*) FROM pg_stat_activity WHERE usename = 'wang' AND datname = current_database()")" = 0 ] && break
    sleep 0.1
  done
  sleep 0.3 # (a backend's counters reach the server as it exits, just after it leaves pg_stat_activity)
  db_query "SELECT string_agg(f || '=' || coalesce((SELECT sum(calls) FROM pg_stat_user_functions
              WHERE schemaname = 'keqing_api' AND funcname = f), 0), ' ' ORDER BY f)
            FROM unnest(ARRAY['assignments', 'contact_facts', 'contact_ids_elsewhere', 'contact_ids_of_reps', 'contacts',
              'customer_histories', 'customers', 'life_events', 'people', 'tagged_contacts']) f"
}
for args in "remind --rep wang --as-of 2026-11-20" "remind --rep wang --as-of 2026-11-03 --days 14"; do
  n=$(api_calls $args)
  case "$args" in *--days*) want=1 ;; *) want=2 ;; esac
  if [ "$n" = "assignments=0 contact_facts=2 contact_ids_elsewhere=1 contact_ids_of_reps=0 contacts=$want customer_histories=1 customers=1 life_events=1 people=1 tagged_contacts=1" ]; then pass; else
    fail "$args asked $n"; fi
done
n=$(api_calls check-quota --rep wang --month 2026-11 --as-of 2026-11-20)
if [ "$n" = "assignments=0 contact_facts=1 contact_ids_elsewhere=1 contact_ids_of_reps=0 contacts=1 customer_histories=1 customers=0 life_events=1 people=1 tagged_contacts=1" ]; then pass; else
  fail "check-quota --rep asked $n"; fi
# log-visit writes the contact and its follow-ups only (store.keep_roster_reads): the customer it names is
# read once, by code, and its people and events once, for the lookup, the occasion and the month (7, 6 and 4
# calls when nothing was kept); the rep's goals read the rep's customers once more. (customers() and
# assignments() come with the follow-ups and trainings, read through the shared SQL.)
n=$(api_calls log-visit HZ001 --visit --rep wang --date 2026-11-20 --dry-run)
if [ "$n" = "assignments=2 contact_facts=1 contact_ids_elsewhere=0 contact_ids_of_reps=0 contacts=0 customer_histories=1 customers=1 life_events=1 people=1 tagged_contacts=2" ]; then pass; else fail "log-visit asked $n"; fi
n=$(api_calls log-visit HZ001 --visit --asked-help --rep wang --date 2026-11-20 --dry-run)
if [ "$n" = "assignments=2 contact_facts=2 contact_ids_elsewhere=1 contact_ids_of_reps=0 contacts=1 customer_histories=2 customers=1 life_events=1 people=1 tagged_contacts=2" ]; then pass; else fail "log-visit --asked-help asked $n"; fi

# The owner reads the tables with the shared SQL, and keeps a rep's rows within a read as the API roles do:
# remind reads the rep's customers with their histories once (four times before), their people once (eight
# times: the birthdays, the people, the names beside the events) and their contacts by customer once for its
# three passes; check-quota the histories once (twice before), the people once (three times). Counted from
# the server's log of this database's statements, between two marks.
server_log="$(cat "$KEQING_TEST_PG_DIR/home")/server.log"
db_query "ALTER DATABASE $PG_DB SET log_statement = 'all'" >/dev/null
owner_reads() { # CMD…: how many statements the command ran, as the owner, reading each of three things
  local mark="kq_mark_$$_$RANDOM"
  db_query "SELECT '${mark}_start'" >/dev/null
  run "$@"
  db_query "SELECT '${mark}_end'" >/dev/null
  # A statement's lines after its first begin with a tab.
  awk -v s="${mark}_start" -v e="${mark}_end" '
    index($0, s) { on = 1; next } index($0, e) { exit }
    on && /^\t/ { cur = cur $0; next } on { if (cur != "") print cur; cur = $0 } END { if (cur != "") print cur }' \
    "$server_log" | grep -E "LOG:  (execute|statement)" >"$WORK/statements"
  echo "histories=$(grep -c "LEFT JOIN tier_history t ON t.customer_id = c.id" "$WORK/statements")" \
    "people=$(grep -cE "FROM people p|JOIN people p ON p.id = e.person_id" "$WORK/statements")" \
    "passes=$(grep -c "SELECT customer_id, channel, rep_id, flags, lag, happened_on, id FROM contacts WHERE customer_id" "$WORK/statements")"
}
n=$(owner_reads remind --rep wang --as-of 2026-11-20)
if [ "$n" = "histories=1 people=1 passes=1" ]; then pass; else fail "the owner's remind --rep read $n"; fi
n=$(owner_reads check-quota --rep wang --month 2026-11 --as-of 2026-11-20)
if [ "$n" = "histories=1 people=1 passes=0" ]; then pass; else fail "the owner's check-quota --rep read $n"; fi
db_query "ALTER DATABASE $PG_DB RESET log_statement" >/dev/null

# log-visit's answer and the row it stores: as wang, the owner's for the same contact (the owner's voided
# first, so that both answers count the same contacts; lag and logged_at are the server's own when wang logs).
run log-visit HZ001 --call --rep wang --date 2026-11-19 --note "as the owner"; expect_rc 0 "the owner logs for wang"
sed 's/#[0-9]*/#N/' "$WORK/out" >"$WORK/owner.out"
run log-visit --void "$(db_query "SELECT id FROM contacts WHERE note = 'as the owner'")" --reason "compared"
expect_rc 0 "the owner's contact voided"
run as wang log-visit HZ001 --call --rep wang --date 2026-11-19 --note "as wang"; expect_rc 0 "wang logs its own"
if [ -s "$WORK/out" ] && cmp -s <(sed 's/#[0-9]*/#N/' "$WORK/out") "$WORK/owner.out"; then pass; else
  fail "log-visit's answer as wang differs from the owner's: $(diff "$WORK/owner.out" "$WORK/out" | head -4 | tr '\n' ' ')"; fi
rows=$(db_query "SELECT customer_id, channel, happened_on, happened_at, rep_id, flags, gift, occasion FROM contacts
  WHERE note IN ('as the owner', 'as wang') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")
if [ "$(wc -l <<<"$rows")" = 1 ]; then pass; else fail "the rows logged as the owner and as wang differ: $rows"; fi
finish
