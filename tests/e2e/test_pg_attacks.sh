# End-to-end, PostgreSQL only: the team server attacked as docs/SECURITY.md's adversary would — a rep (and a
# manager, an admin, a role in no keqing group) holding its own credentials, in psql. Each attack is one
# statement (or one session of statements) that must be refused: it fails, or it reveals nothing the role may
# not see (no name or code of a customer it does not see anywhere in its output or errors; an answer the same
# whether a hidden value exists or not), and it changes nothing. The server is set up as docs/TEAMS.md sets
# one up (schemas/pg_bootstrap.sql by the superuser, an owner role with no CREATEROLE that opens the database
# first), twice: a fresh team database, and one restored from schema 5 (tests/fixtures/pg_schema_v5.sql) and
# upgraded by its owner — which also proves that upgrade loses nothing. Ends with "N attacks, N refused".
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = postgresql ] || { echo "test_pg_attacks: PostgreSQL only; skipped"; exit 77; }
export KEQING_NOW=2026-11-20T20:00
attacks=0
refused=0
DBS=("$PG_DB") # the suites' own database goes unused: each server below is a database of its own (PG_DB)
trap 'for d in "${DBS[@]}"; do psql -qX "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done; rm -rf "$WORK"' EXIT

pg_role kq_owner; pg_role wang keqing_rep; pg_role li keqing_rep; pg_role zhao keqing_rep
pg_role zhou keqing_manager; pg_role boss keqing_admin; pg_role guest
psql -qX "$PG_BASE/postgres" -c "ALTER ROLE kq_owner NOCREATEROLE NOSUPERUSER" >/dev/null

# The whole database in one line (every table of the schema keqing, as the superuser reads it).
fingerprint() {
  psql -qAtX "$DB_URL" -c "SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
    SELECT 'r' || x::text t FROM keqing.reps x UNION ALL SELECT 'c' || x::text FROM keqing.customers x
    UNION ALL SELECT 't' || x::text FROM keqing.tier_history x UNION ALL SELECT 'a' || x::text FROM keqing.assignments x
    UNION ALL SELECT 'k' || x::text FROM keqing.contacts x UNION ALL SELECT 'p' || x::text FROM keqing.people x
    UNION ALL SELECT 'e' || x::text FROM keqing.life_events x UNION ALL SELECT 'm' || x::text FROM keqing.team_managers x
    UNION ALL SELECT 's' || x::text FROM keqing.settings x UNION ALL SELECT 'v' || x::text FROM keqing.keqing_schema x
    UNION ALL SELECT 'f' || x::text FROM keqing.followups x
    UNION ALL SELECT 'g' || x::text FROM keqing.followup_steps x
    UNION ALL SELECT 'h' || x::text FROM keqing.stage_history x
    UNION ALL SELECT 'x' || x::text FROM keqing.trainings x) all_rows"
}
owner_query() { psql -qAtX "$DB_URL" -c "$1"; }
# The names and codes a role must never learn: those of the customers never assigned to it (or, for a
# manager, to a rep of its teams), one per line.
secrets_of() {
  owner_query "SELECT c.code || E'\\n' || c.name FROM keqing.customers c WHERE c.id NOT IN ($(visible_sql "$1"))" | grep .
}
# leaked: whether stdout or stderr holds any of the role's secrets.
leaked() {
  [ -s "$WORK/secrets.$1" ] && grep -ohFf "$WORK/secrets.$1" "$WORK/out" "$WORK/err" | head -1 | grep .
}
verdict() { # ROLE WHAT OK(0|1) WHY
  attacks=$((attacks + 1))
  if [ "$3" = 0 ]; then refused=$((refused + 1)); pass; echo "  refused  [$LABEL] $1: $2"
  else fail "[$LABEL] $1: $2 — NOT REFUSED: $4"; fi
}
# Whether the database is as it was before the attack SQL ran: $FP is its fingerprint between attacks (taken
# again whenever the suite itself changes it: remember); SQL that cannot write (reads and catalog queries)
# is not checked.
remember() { FP=$(fingerprint); }
unchanged_by() {
  grep -qiE 'insert|update|delete|truncate|copy|create|alter|drop|grant|revoke|setval|nextval|keqing_api\.(log|void|add|update|set|assign|remove|close)' <<<"$1" ||
    return 0
  [ "$(fingerprint)" = "$FP" ]
}
# refuse ROLE WHAT SQL ERROR: psql as ROLE must fail with ERROR in its message, leak nothing, change nothing.
refuse() {
  local why="" secret
  psql_as "$1" "$3"
  if [ "$rc" -eq 0 ]; then why="it succeeded: $(head -c 200 "$WORK/out")"
  elif ! grep -qF -- "$4" "$WORK/err"; then why="it failed otherwise: $(head -c 300 "$WORK/err")"; fi
  if secret=$(leaked "$1"); then why="$why; it shows '$secret'"; fi
  unchanged_by "$3" || why="$why; the database changed"
  verdict "$1" "$2" "$([ -z "$why" ] && echo 0 || echo 1)" "$why"
}
# reveal_nothing ROLE WHAT SQL: whether it fails or not, psql as ROLE shows no secret and changes nothing.
reveal_nothing() {
  local why="" secret
  psql_as "$1" "$3"
  if secret=$(leaked "$1"); then why="it shows '$secret'"; fi
  unchanged_by "$3" || why="$why; the database changed"
  verdict "$1" "$2" "$([ -z "$why" ] && echo 0 || echo 1)" "$why"
}
# same_answer ROLE WHAT SQL_WITH_HIDDEN SQL_WITH_NONE: asking about a hidden value and about one that exists
# nowhere gives the same answer (timings, and the numbers named in each, taken out).
normalized() { # FILE VALUE: timings out, VALUE (a whole token) as X, <= as <
  V=$2 perl -pe 's/actual time=[0-9.]+\.\.[0-9.]+ //; s/(Planning|Execution) Time: .*//;
    s/(?<![0-9A-Za-z_])\Q$ENV{V}\E(?![0-9A-Za-z_])/X/g; s/<=/</g' "$1"
}
# An EXPLAIN is asked twice in one session and the second answer kept: the first also loads the session's
# catalog caches, whose buffers would differ from one session to the next.
ask() {
  case $2 in
  EXPLAIN*) run psql -X -At -v ON_ERROR_STOP=1 "$(url_as "$1")" -c '\o /dev/null' -c "$2" -c '\o' -c "$2" ;;
  *) psql_as "$1" "$2" ;;
  esac
}
# (The hidden value is the attacker's own input: what is checked for secrets is the answer with it taken out.)
# A leak through a plan or its buffer counts is a function of the data, so it shows on every asking; what
# the server does meanwhile is not: when autovacuum analyzes a table between the two executions of an
# asking, the second one replans from fresh statistics and reads a few more catalog buffers (the CI run of
# 2026-12-02 saw 856 against 860, the sanitizer's stress run of 2026-12-05 568 against 572 on three askings in
# a row, passing when run again). So a pair that differs is asked again, up to five times, and only a
# difference on every asking fails.
same_answer() {
  local why="" secret try tries=5
  ask "$1" "$3"; normalized "$WORK/out" "$5" >"$WORK/a.out"; normalized "$WORK/err" "$5" >"$WORK/a.err"
  cp "$WORK/a.out" "$WORK/out"; cp "$WORK/a.err" "$WORK/err"
  if secret=$(leaked "$1"); then why="it shows '$secret'"; fi
  for ((try = 1; try <= tries; try++)); do
    if [ "$try" -gt 1 ]; then
      ask "$1" "$3"; normalized "$WORK/out" "$5" >"$WORK/a.out"; normalized "$WORK/err" "$5" >"$WORK/a.err"
    fi
    ask "$1" "$4"; normalized "$WORK/out" "$6" >"$WORK/b.out"; normalized "$WORK/err" "$6" >"$WORK/b.err"
    cmp -s "$WORK/a.out" "$WORK/b.out" && cmp -s "$WORK/a.err" "$WORK/b.err" && break
  done
  if ! cmp -s "$WORK/a.out" "$WORK/b.out" || ! cmp -s "$WORK/a.err" "$WORK/b.err"; then
    why="$why; the answers differ on each of $tries askings: $(diff "$WORK/a.out" "$WORK/b.out" | head -4 | tr '\n' ' ') $(diff "$WORK/a.err" "$WORK/b.err" | head -4 | tr '\n' ' ')"
  fi
  unchanged_by "$3 $4" || why="$why; the database changed"
  verdict "$1" "$2" "$([ -z "$why" ] && echo 0 || echo 1)" "$why"
}

# Every row of every readable function, in one statement (psql -c shows only the last statement's rows).
every_row() {
  local f
  for f in "customers()" "contacts('0001-01-01', '9999-12-31')" "people()" "life_events()" "assignments()" \
    "tier_history()" "reps()" "team_managers()" "followups()" "followup_steps()" "stage_history()" "trainings()" \
    "customer_histories(NULL, NULL, NULL)" "reps_named(ARRAY(SELECT id FROM keqing_api.reps()))" \
    "contact_ids_of_reps('0001-01-01', '9999-12-31', ARRAY(SELECT id FROM keqing_api.reps()))" \
    "contact_facts('0001-01-01', '9999-12-31', ARRAY(SELECT g::bigint FROM generate_series(1, 10000) g))" \
    "tagged_contacts('0001-01-01', '9999-12-31', ARRAY(SELECT g::bigint FROM generate_series(1, 10000) g))" \
    "contact_ids_elsewhere('0001-01-01', '9999-12-31', ARRAY(SELECT id FROM keqing_api.reps()), '{}')"; do
    printf '%sSELECT x::text FROM keqing_api.%s x' "${union:+ UNION ALL }" "$f"
    local union=1
  done
}
# The ids of the customers a role sees, as SQL.
visible_sql() {
  echo "SELECT a.customer_id FROM keqing.assignments a WHERE a.rep_id = '$1' UNION SELECT a.customer_id FROM
    keqing.assignments a JOIN keqing.reps r ON r.id = a.rep_id JOIN keqing.team_managers m ON m.team = r.team WHERE m.login = '$1'"
}

# timing ROLE WHAT CALL_HIDDEN CALL_NONE: how long CALL takes on a hidden value against on one that exists
# nowhere, measured inside the server (a DO block: no round trip), 150 times each after 20 to warm up,
# alternating, every call undone; refused when neither median is half as long again as the other (an index lookup's microseconds are
# allowed; a lookup that finds and discards a hidden row, as the red team measured at 2× and 15×, is not).
timing() {
  local ratio
  psql_as "$1" "DO \$\$ DECLARE t0 timestamptz; a float8[] := '{}'; b float8[] := '{}'; i int; ma float8; mb float8;
    BEGIN FOR i IN 1..340 LOOP
      t0 := clock_timestamp();
      IF i % 2 = 0 THEN BEGIN PERFORM $3; RAISE EXCEPTION 'undo'; EXCEPTION WHEN others THEN NULL; END;
      ELSE BEGIN PERFORM $4; RAISE EXCEPTION 'undo'; EXCEPTION WHEN others THEN NULL; END; END IF;
      IF i <= 40 THEN CONTINUE; END IF; -- warming up
      IF i % 2 = 0 THEN a := a || extract(epoch FROM clock_timestamp() - t0)::float8;
      ELSE b := b || extract(epoch FROM clock_timestamp() - t0)::float8; END IF;
    END LOOP;
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) INTO ma FROM unnest(a) x;
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) INTO mb FROM unnest(b) x;
    RAISE NOTICE 'ratio %', round((ma / mb)::numeric, 2); END \$\$"
  ratio=$(sed -n 's/.*ratio \([0-9.]*\).*/\1/p' "$WORK/err")
  if [ -n "$ratio" ] && python3 -c "import sys; r = float(sys.argv[1]); sys.exit(0 if 1 / 1.5 < r < 1.5 else 1)" "$ratio" &&
    unchanged_by "keqing_api.add"; then verdict "$1" "$2 (time ratio $ratio)" 0 ""
  else verdict "$1" "$2" 1 "time ratio '${ratio:-none}' ($(head -c 200 "$WORK/err"))"; fi
}

# ---------------------------------------------------------------------------------------------------------
attack_server() {
  local who all="'0001-01-01', '9999-12-31'" hidden_id hidden_name hidden_code li_contact li_person li_event zhao_event own_id li_followup zhao_followup li_training zhao_training own_followup
  for who in wang zhou boss guest; do secrets_of "$who" >"$WORK/secrets.$who"; done
  : >"$WORK/secrets.boss" # an admin may see every customer
  hidden_id=$(owner_query "SELECT min(customer_id) FROM keqing.assignments WHERE rep_id = 'li'")
  hidden_name=$(owner_query "SELECT name FROM keqing.customers WHERE id = $hidden_id")
  hidden_code=$(owner_query "SELECT code FROM keqing.customers WHERE id = $hidden_id")
  zhao_id=$(owner_query "SELECT min(customer_id) FROM keqing.assignments WHERE rep_id = 'zhao'")
  zhao_name=$(owner_query "SELECT name FROM keqing.customers WHERE id = $zhao_id")
  li_contact=$(owner_query "SELECT min(k.id) FROM keqing.contacts k WHERE k.customer_id NOT IN ($(visible_sql wang)) AND k.voided_at IS NULL")
  zhao_contact=$(owner_query "SELECT min(k.id) FROM keqing.contacts k WHERE k.customer_id NOT IN ($(visible_sql zhou)) AND k.voided_at IS NULL")
  li_person=$(owner_query "SELECT min(p.id) FROM keqing.people p WHERE p.customer_id NOT IN ($(visible_sql wang))")
  zhao_person=$(owner_query "SELECT min(p.id) FROM keqing.people p WHERE p.customer_id NOT IN ($(visible_sql zhou))")
  li_event=$(owner_query "SELECT min(e.id) FROM keqing.life_events e WHERE e.customer_id NOT IN ($(visible_sql wang))")
  zhao_event=$(owner_query "SELECT min(e.id) FROM keqing.life_events e WHERE e.customer_id NOT IN ($(visible_sql zhou))")
  own_id=$(owner_query "SELECT min(customer_id) FROM keqing.assignments WHERE rep_id = 'wang'")
  [ -n "$hidden_id" ] && [ -n "$li_contact" ] && [ -n "$own_id" ] && [ -n "$zhao_id" ] || { fail "[$LABEL] the data lacks li's or wang's rows"; return; }
  [ -n "$li_person" ] || li_person=$(owner_query "SELECT max(id) + 1000 FROM keqing.people")
  [ -n "$li_event" ] || li_event=$(owner_query "SELECT coalesce(max(id), 0) + 1000 FROM keqing.life_events")
  [ -n "$zhao_event" ] || zhao_event=$(owner_query "SELECT coalesce(max(id), 0) + 1000 FROM keqing.life_events")
  owner_query "INSERT INTO keqing.contacts (customer_id, channel, happened_on, rep_id, logged_at)
    SELECT $zhao_id, 'call', '2001-01-02', 'zhao', '2001-01-02T18:00' FROM generate_series(1, 30)" >/dev/null
  # A follow-up at each hidden contact's customer (schema 9): li's, hidden from wang; zhao's, hidden from zhou.
  # (Numbered 4242 and 4243: an id as small as 1 would be taken out of EXPLAIN's "loops=1" by normalized.)
  li_followup=$(owner_query "INSERT INTO keqing.followups (id, customer_id, kind, body, rep_id, opened_on, due_on, opened_by, created_at)
    OVERRIDING SYSTEM VALUE SELECT 4242, customer_id, 'promise', 'x', rep_id, happened_on, happened_on, id, 'x'
    FROM keqing.contacts WHERE id = $li_contact RETURNING id" | head -1)
  zhao_followup=$(owner_query "INSERT INTO keqing.followups (id, customer_id, kind, body, rep_id, opened_on, due_on, opened_by, created_at)
    OVERRIDING SYSTEM VALUE SELECT 4243, customer_id, 'promise', 'x', rep_id, happened_on, happened_on, id, 'x'
    FROM keqing.contacts WHERE id = $zhao_contact RETURNING id" | head -1)
  # And one of wang's own, at its own customer (closed by a hidden contact, schema 19).
  own_followup=$(owner_query "INSERT INTO keqing.followups (id, customer_id, kind, body, rep_id, opened_on, due_on, created_at)
    OVERRIDING SYSTEM VALUE VALUES (4246, $own_id, 'promise', 'x', 'wang', '2001-01-01', '2001-01-01', 'x') RETURNING id" | head -1)
  # A step of each (schema 12: a complaint's 判定), hidden with its follow-up.
  owner_query "INSERT INTO keqing.followup_steps (followup_id, step, done_on, note, created_at)
    SELECT id, '判定', opened_on, 'x', 'x' FROM keqing.followups WHERE id IN ($li_followup, $zhao_followup)" >/dev/null
  # A training and a stage at each hidden contact's customer (schemas 13 and 14).
  li_training=$(owner_query "INSERT INTO keqing.trainings (id, customer_id, rep_id, held_on, topic, created_at)
    OVERRIDING SYSTEM VALUE SELECT 4244, customer_id, rep_id, happened_on, 'x', 'x'
    FROM keqing.contacts WHERE id = $li_contact RETURNING id" | head -1)
  zhao_training=$(owner_query "INSERT INTO keqing.trainings (id, customer_id, rep_id, held_on, topic, created_at)
    OVERRIDING SYSTEM VALUE SELECT 4245, customer_id, rep_id, happened_on, 'x', 'x'
    FROM keqing.contacts WHERE id = $zhao_contact RETURNING id" | head -1)
  owner_query "INSERT INTO keqing.stage_history (customer_id, stage, effective_from, recorded_at)
    SELECT DISTINCT customer_id, 'defense', '2026-11-15', 'x' FROM keqing.contacts WHERE id IN ($li_contact, $zhao_contact)
    ON CONFLICT DO NOTHING" >/dev/null
  remember
  [ -n "$zhao_person" ] || zhao_person=$(owner_query "SELECT max(id) + 1000 FROM keqing.people")

  # --- Tables, their schema, the layout schema 5 had: not even named.
  for who in wang zhou boss; do
    for t in customers contacts people life_events assignments tier_history reps team_managers keqing_schema settings followups followup_steps stage_history trainings; do
      refuse "$who" "SELECT keqing.$t" "SELECT * FROM keqing.$t" "permission denied for schema keqing"
    done
    refuse "$who" "schema 5's table names" "SELECT * FROM customers" 'relation "customers" does not exist'
    refuse "$who" "COPY a table out" "COPY keqing.customers TO STDOUT" "permission denied for schema keqing"
    refuse "$who" "INSERT … ON CONFLICT … RETURNING" \
      "INSERT INTO keqing.assignments VALUES ($hidden_id, '$who', '2026-11-01', 'x') ON CONFLICT DO NOTHING RETURNING *" \
      "permission denied for schema keqing"
    refuse "$who" "UPDATE a contact's text" "UPDATE keqing.contacts SET note = 'x'" "permission denied for schema keqing"
    refuse "$who" "undo voids" "UPDATE keqing.contacts SET voided_at = NULL" "permission denied for schema keqing"
    refuse "$who" "DELETE contacts" "DELETE FROM keqing.contacts" "permission denied for schema keqing"
    refuse "$who" "DELETE people" "DELETE FROM keqing.people" "permission denied for schema keqing"
    refuse "$who" "TRUNCATE" "TRUNCATE keqing.contacts" "permission denied for schema keqing"
    refuse "$who" "INSERT with an explicit id" \
      "INSERT INTO keqing.contacts (id, customer_id, channel, happened_on, rep_id, logged_at) OVERRIDING SYSTEM VALUE VALUES (999999, $own_id, 'call', '2026-11-20', 'wang', 'x')" \
      "permission denied for schema keqing"
    refuse "$who" "draw the next contact id" "SELECT nextval(c.oid) FROM pg_class c WHERE c.relname = 'contacts_id_seq'" \
      "permission denied for sequence contacts_id_seq"
    refuse "$who" "set the contact id counter" "SELECT setval(c.oid, 2147483000) FROM pg_class c WHERE c.relname = 'contacts_id_seq'" \
      "permission denied for sequence contacts_id_seq"
    reveal_nothing "$who" "read the id counters (pg_sequences)" \
      "SELECT CASE WHEN count(*) FILTER (WHERE last_value IS NOT NULL) = 0 THEN 'none' ELSE 'a counter: ' || max(last_value) || ' $hidden_name' END FROM pg_sequences"
  done

  # --- Statistics and catalogs: how many rows, how many scans, inserts, pages.
  for who in wang zhou; do
    reveal_nothing "$who" "pg_stats of keqing's columns" \
      "SELECT CASE WHEN count(*) = 0 THEN 'none' ELSE '$hidden_name' END FROM pg_stats WHERE schemaname = 'keqing'"
    reveal_nothing "$who" "pg_stats_ext" "SELECT CASE WHEN count(*) = 0 THEN 'none' ELSE '$hidden_name' END FROM pg_stats_ext"
    refuse "$who" "pg_stat_user_tables (row counts)" "SELECT relname, n_live_tup, n_tup_ins FROM pg_stat_user_tables" "permission denied for function"
    refuse "$who" "pg_stat_database (inserts)" "SELECT tup_inserted FROM pg_stat_database" "permission denied for function"
    refuse "$who" "pg_stat_activity" "SELECT usename, query FROM pg_stat_activity" "permission denied for function"
    refuse "$who" "pg_class.reltuples" "SELECT relname, reltuples FROM pg_class WHERE relname = 'customers'" "permission denied for table pg_class"
    refuse "$who" "pg_class.relpages" "SELECT relpages FROM pg_class WHERE relname = 'contacts'" "permission denied for table pg_class"
    refuse "$who" "table sizes" "SELECT pg_relation_size(c.oid) FROM pg_class c WHERE c.relname = 'contacts'" "permission denied for function pg_relation_size"
    refuse "$who" "database size" "SELECT pg_database_size(current_database())" "permission denied for function pg_database_size"
    refuse "$who" "the write-ahead log's position" "SELECT pg_current_wal_lsn()" "permission denied for function pg_current_wal_lsn"
    refuse "$who" "transaction ids" "SELECT txid_current()" "permission denied for function txid_current"
    refuse "$who" "locks held" "SELECT * FROM pg_locks" "permission denied for function pg_lock_status"
  done

  # --- Schema 4's helpers and schema 6's private ones, asked about others.
  for who in wang zhou; do
    refuse "$who" "keqing_visible('li')" "SELECT keqing_visible('li')" "does not exist"
    refuse "$who" "keqing_may_log('li', …)" "SELECT keqing_may_log('li', $hidden_id)" "does not exist"
    refuse "$who" "keqing_manages('zhou', 'li')" "SELECT keqing_manages('zhou', 'li')" "does not exist"
    refuse "$who" "keqing_private.visible_ids()" "SELECT keqing_private.visible_ids()" "permission denied for schema keqing_private"
    refuse "$who" "keqing_private.may_write(…, 'li')" "SELECT keqing_private.may_write($hidden_id, 'li')" "permission denied for schema keqing_private"
    refuse "$who" "keqing_private.unrestricted()" "SELECT keqing_private.unrestricted()" "permission denied for schema keqing_private"
  done

  # --- The API: only what the caller sees, the same answer for a hidden value as for none.
  for who in wang zhou; do
    local name=$hidden_name id=$hidden_id contact=$li_contact person=$li_person event=$li_event followup=$li_followup training=$li_training
    [ "$who" = zhou ] && name=$zhao_name id=$zhao_id contact=$zhao_contact person=$zhao_person event=$zhao_event followup=$zhao_followup training=$zhao_training
    reveal_nothing "$who" "every readable function, whole" "$(every_row)"
    reveal_nothing "$who" "every contact by number" \
      "SELECT k.* FROM generate_series(1, $(owner_query "SELECT max(id) FROM keqing.contacts")) g, keqing_api.contact(g) k"
    # Each probe asks about a hidden value and about one that exists nowhere (for <, about the hidden name with
    # < and with <=: the caller's own rows answer both alike, a hidden row would tell them apart).
    local explain="EXPLAIN (ANALYZE, VERBOSE, BUFFERS, COSTS OFF) SELECT * FROM keqing_api"
    same_answer "$who" "EXPLAIN ANALYZE customers() WHERE name = hidden" "$explain.customers() WHERE name = '$name'" \
      "$explain.customers() WHERE name = '没有这个药房'" "$name" "没有这个药房"
    same_answer "$who" "EXPLAIN ANALYZE customers() WHERE name < hidden (binary search)" "$explain.customers() WHERE name < '$name'" \
      "$explain.customers() WHERE name <= '$name'" "$name" "$name"
    for probe in "customers() WHERE id" "contacts($all) WHERE customer_id" "people() WHERE customer_id" \
      "life_events() WHERE customer_id" "assignments() WHERE customer_id" "tier_history() WHERE customer_id" \
      "stage_history() WHERE customer_id" "trainings() WHERE customer_id"; do
      same_answer "$who" "EXPLAIN ANALYZE keqing_api.${probe%%(*} filtered on a hidden customer" "$explain.$probe = $id" \
        "$explain.$probe = 987654321" "$id" "987654321"
    done
    # Schema 17's one-call reads: a hidden customer's id, or the rep it belongs to, finds what one that exists
    # nowhere finds, in the same work.
    same_answer "$who" "EXPLAIN ANALYZE customer_histories() of a hidden customer's id" \
      "$explain.customer_histories(NULL, ARRAY[$id]::bigint[], NULL)" "$explain.customer_histories(NULL, ARRAY[987654321]::bigint[], NULL)" \
      "$id" "987654321"
    same_answer "$who" "EXPLAIN ANALYZE customer_histories() of a hidden rep's customers" \
      "$explain.customer_histories('$([ "$who" = zhou ] && echo zhao || echo li)', NULL, NULL)" "$explain.customer_histories('nobody', NULL, NULL)" \
      "$([ "$who" = zhou ] && echo zhao || echo li)" "nobody"
    same_answer "$who" "EXPLAIN ANALYZE customer_histories() of a hidden customer's code" \
      "$explain.customer_histories(NULL, NULL, '$(owner_query "SELECT code FROM keqing.customers WHERE id = $id")')" \
      "$explain.customer_histories(NULL, NULL, 'NOSUCHCODE')" "$(owner_query "SELECT code FROM keqing.customers WHERE id = $id")" "NOSUCHCODE"
    same_answer "$who" "EXPLAIN ANALYZE contact_ids_of_reps() of a hidden rep" \
      "$explain.contact_ids_of_reps('0001-01-01', '9999-12-31', ARRAY['zhao'])" \
      "$explain.contact_ids_of_reps('0001-01-01', '9999-12-31', ARRAY['nobody'])" "zhao" "nobody"
    # Schema 20's reads of listed customers' contacts: a hidden customer's id reads what one that exists
    # nowhere reads.
    for f in contact_facts tagged_contacts; do
      same_answer "$who" "EXPLAIN ANALYZE $f() of a hidden customer's id" \
        "$explain.$f('0001-01-01', '9999-12-31', ARRAY[$id]::bigint[])" \
        "$explain.$f('0001-01-01', '9999-12-31', ARRAY[987654321]::bigint[])" "$id" "987654321"
    done
    same_answer "$who" "EXPLAIN ANALYZE contact_ids_elsewhere() of a hidden rep" \
      "$explain.contact_ids_elsewhere('0001-01-01', '9999-12-31', ARRAY['zhao'], '{}')" \
      "$explain.contact_ids_elsewhere('0001-01-01', '9999-12-31', ARRAY['nobody'], '{}')" "zhao" "nobody"
    same_answer "$who" "EXPLAIN ANALYZE contact_ids_elsewhere() with a hidden customer seen" \
      "$explain.contact_ids_elsewhere('0001-01-01', '9999-12-31', ARRAY['$who'], ARRAY[$id]::bigint[])" \
      "$explain.contact_ids_elsewhere('0001-01-01', '9999-12-31', ARRAY['$who'], ARRAY[987654321]::bigint[])" "$id" "987654321"
    # Stages and trainings (schemas 13 and 14): a hidden customer's are written and found as a missing one's.
    same_answer "$who" "set a hidden customer's stage" "SELECT keqing_api.set_stage($id, 'paused', '2026-11-20')" \
      "SELECT keqing_api.set_stage(987654321, 'paused', '2026-11-20')" "$id" "987654321"
    same_answer "$who" "record a training at a hidden customer" \
      "SELECT keqing_api.add_training($id, '$who', '2026-11-19', 'x', true, '', '')" \
      "SELECT keqing_api.add_training(987654321, '$who', '2026-11-19', 'x', true, '', '')" "$id" "987654321"
    same_answer "$who" "EXPLAIN ANALYZE trainings() for a hidden training (does it exist?)" \
      "$explain.trainings() WHERE id = $training" "$explain.trainings() WHERE id = 987654321" "$training" "987654321"
    same_answer "$who" "remove a hidden training" "SELECT keqing_api.remove_training($training, 'x')" \
      "SELECT keqing_api.remove_training(987654321, 'x')" "$training" "987654321"
    same_answer "$who" "EXPLAIN ANALYZE a hidden contact by number (does it exist?)" "$explain.contact($contact)" \
      "$explain.contact(987654321)" "$contact" "987654321"
    local knobs="SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off; SET random_page_cost = 1000000;"
    same_answer "$who" "the same with the planner told to scan whole tables" "$knobs $explain.contact($contact)" \
      "$knobs $explain.contact(987654321)" "$contact" "987654321"
    same_answer "$who" "EXPLAIN ANALYZE customers() with the planner told to scan whole tables" \
      "$knobs $explain.customers() WHERE id = $id" "$knobs $explain.customers() WHERE id = 987654321" "$id" "987654321"
    # 2001-01-02: thirty contacts of customers the role does not see; 2001-01-03: none at all.
    same_answer "$who" "EXPLAIN ANALYZE the contacts of a day only others worked (their daily counts)" \
      "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM keqing_api.contacts('2001-01-02', '2001-01-02')" \
      "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM keqing_api.contacts('2001-01-03', '2001-01-03')" "2001-01-02" "2001-01-03"
    same_answer "$who" "the same with the planner told to scan whole tables" \
      "$knobs EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM keqing_api.contacts('2001-01-02', '2001-01-02')" \
      "$knobs EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM keqing_api.contacts('2001-01-03', '2001-01-03')" "2001-01-02" "2001-01-03"
    timing "$who" "time a person added at a hidden customer (does it exist?)" \
      "keqing_api.add_person($id, 'x', '', '', '', '', '', '')" "keqing_api.add_person(987654321, 'x', '', '', '', '', '', '')"
    timing "$who" "time a contact logged for a hidden customer" \
      "keqing_api.log_contact($id, 'call', '2026-11-20', '', '$who', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "keqing_api.log_contact(987654321, 'call', '2026-11-20', '', '$who', '', 0, '', '', '', '', '', '', '', 0, '', 0)"
    timing "$who" "time a hidden person changed" "keqing_api.update_person($person, 'x', '', '', '', '', '', '')" \
      "keqing_api.update_person(987654321, 'x', '', '', '', '', '', '')"
    timing "$who" "time a hidden contact voided" "keqing_api.void_contact($contact, 'x')" "keqing_api.void_contact(987654321, 'x')"
    same_answer "$who" "log for a hidden customer: the refusal says no more than for none" \
      "SELECT keqing_api.log_contact($id, 'call', '2026-11-20', '', '$who', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "SELECT keqing_api.log_contact(987654321, 'call', '2026-11-20', '', '$who', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "$id" "987654321"
    same_answer "$who" "void a hidden contact" "SELECT keqing_api.void_contact($contact, 'x')" \
      "SELECT keqing_api.void_contact(987654321, 'x')" "$contact" "987654321"
    same_answer "$who" "re-tag a hidden contact" "SELECT keqing_api.retag_contact($contact, 'x')" \
      "SELECT keqing_api.retag_contact(987654321, 'x')" "$contact" "987654321"
    timing "$who" "time a hidden contact re-tagged" "keqing_api.retag_contact($contact, 'x')" \
      "keqing_api.retag_contact(987654321, 'x')"
    # Follow-ups (schema 9): a hidden one is found nowhere, in the same time, buffers and words as a missing one.
    same_answer "$who" "EXPLAIN ANALYZE followups() for a hidden follow-up (does it exist?)" \
      "$explain.followups() WHERE id = $followup" "$explain.followups() WHERE id = 987654321" "$followup" "987654321"
    same_answer "$who" "EXPLAIN ANALYZE followups() filtered on a hidden customer" \
      "$explain.followups() WHERE customer_id = $id" "$explain.followups() WHERE customer_id = 987654321" "$id" "987654321"
    same_answer "$who" "close a hidden follow-up" "SELECT keqing_api.close_followup($followup, 'dropped', 'x', NULL)" \
      "SELECT keqing_api.close_followup(987654321, 'dropped', 'x', NULL)" "$followup" "987654321"
    same_answer "$who" "open a follow-up from a hidden contact" \
      "SELECT keqing_api.add_followup($contact, 'promise', 'x', '2026-12-31', NULL)" \
      "SELECT keqing_api.add_followup(987654321, 'promise', 'x', '2026-12-31', NULL)" "$contact" "987654321"
    same_answer "$who" "step a hidden follow-up" \
      "SELECT keqing_api.add_followup_step($followup, '判定', 'x', '2026-12-31', true)" \
      "SELECT keqing_api.add_followup_step(987654321, '判定', 'x', '2026-12-31', true)" "$followup" "987654321"
    # Schema 15: start a hidden follow-up, open one at a hidden customer or about a hidden person.
    same_answer "$who" "start a hidden follow-up" "SELECT keqing_api.start_followup($followup, '2026-12-31')" \
      "SELECT keqing_api.start_followup(987654321, '2026-12-31')" "$followup" "987654321"
    timing "$who" "time a hidden follow-up started" "keqing_api.start_followup($followup, '2026-12-31')" \
      "keqing_api.start_followup(987654321, '2026-12-31')"
    same_answer "$who" "open a follow-up at a hidden customer" \
      "SELECT keqing_api.open_followup($id, 'complaint', 'x', NULL, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')" \
      "SELECT keqing_api.open_followup(987654321, 'complaint', 'x', NULL, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')" \
      "$id" "987654321"
    timing "$who" "time a follow-up opened at a hidden customer" \
      "keqing_api.open_followup($id, 'complaint', 'x', NULL, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')" \
      "keqing_api.open_followup(987654321, 'complaint', 'x', NULL, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')"
    if [ "$who" = wang ]; then
      same_answer "$who" "open a follow-up about a hidden person" \
        "SELECT keqing_api.open_followup($own_id, 'complaint', 'x', $person, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')" \
        "SELECT keqing_api.open_followup($own_id, 'complaint', 'x', 987654321, '2026-11-20', '2026-12-31', 'open', NULL, NULL, '')" \
        "$person" "987654321"
    fi
    same_answer "$who" "EXPLAIN ANALYZE followup_steps() of a hidden follow-up" \
      "$explain.followup_steps() WHERE followup_id = $followup" \
      "$explain.followup_steps() WHERE followup_id = 987654321" "$followup" "987654321"
    timing "$who" "time a hidden follow-up closed" "keqing_api.close_followup($followup, 'dropped', 'x', NULL)" \
      "keqing_api.close_followup(987654321, 'dropped', 'x', NULL)"
    timing "$who" "time a follow-up opened from a hidden contact" "keqing_api.add_followup($contact, 'promise', 'x', '2026-12-31', NULL)" \
      "keqing_api.add_followup(987654321, 'promise', 'x', '2026-12-31', NULL)"
    # Schema 19: the contact's day given narrows the search to that day of the session's own customers; a
    # hidden contact's true day finds it no more than a missing contact's, and takes as long.
    local day; day=$(owner_query "SELECT happened_on FROM keqing.contacts WHERE id = $contact")
    same_answer "$who" "open a follow-up from a hidden contact, its day given" \
      "SELECT keqing_api.add_followup($contact, 'promise', 'x', '2026-12-31', NULL, '$day')" \
      "SELECT keqing_api.add_followup(987654321, 'promise', 'x', '2026-12-31', NULL, '$day')" "$contact" "987654321"
    timing "$who" "time a follow-up opened from a hidden contact, its day given" \
      "keqing_api.add_followup($contact, 'promise', 'x', '2026-12-31', NULL, '$day')" \
      "keqing_api.add_followup(987654321, 'promise', 'x', '2026-12-31', NULL, '$day')"
    if [ "$who" = wang ]; then # closed by a contact: looked for at the follow-up's own customer only
      same_answer "$who" "close an own follow-up with a hidden contact" \
        "SELECT keqing_api.close_followup($own_followup, 'done', 'x', $contact)" \
        "SELECT keqing_api.close_followup($own_followup, 'done', 'x', 987654321)" "$contact" "987654321"
      timing "$who" "time an own follow-up closed with a hidden contact" \
        "keqing_api.close_followup($own_followup, 'done', 'x', $contact)" \
        "keqing_api.close_followup($own_followup, 'done', 'x', 987654321)"
    fi
    same_answer "$who" "change a hidden person" "SELECT keqing_api.update_person($person, 'x', '', '', '', '', '', '')" \
      "SELECT keqing_api.update_person(987654321, 'x', '', '', '', '', '', '')" "$person" "987654321"
    same_answer "$who" "change a hidden life event" "SELECT keqing_api.update_event($event, NULL, 'wedding', '2026-11-19', 'x')" \
      "SELECT keqing_api.update_event(987654321, NULL, 'wedding', '2026-11-19', 'x')" "$event" "987654321"
    timing "$who" "time a hidden life event changed" "keqing_api.update_event($event, NULL, 'wedding', '2026-11-19', 'x')" \
      "keqing_api.update_event(987654321, NULL, 'wedding', '2026-11-19', 'x')"
    # Removals (schema 11): a hidden person or life event is "no such", in the same time and words as a missing one.
    same_answer "$who" "remove a hidden person" "SELECT keqing_api.remove_person($person, 'x')" \
      "SELECT keqing_api.remove_person(987654321, 'x')" "$person" "987654321"
    same_answer "$who" "remove a hidden life event" "SELECT keqing_api.remove_event($event, 'x')" \
      "SELECT keqing_api.remove_event(987654321, 'x')" "$event" "987654321"
    timing "$who" "time a hidden person removed" "keqing_api.remove_person($person, 'x')" \
      "keqing_api.remove_person(987654321, 'x')"
    timing "$who" "time a hidden life event removed" "keqing_api.remove_event($event, 'x')" \
      "keqing_api.remove_event(987654321, 'x')"
    same_answer "$who" "a person at a hidden customer" "SELECT keqing_api.add_person($id, 'x', '', '', '', '', '', '')" \
      "SELECT keqing_api.add_person(987654321, 'x', '', '', '', '', '', '')" "$id" "987654321"
    same_answer "$who" "a life event of a hidden person at its own customer" \
      "SELECT keqing_api.add_event($own_id, $person, 'wedding', '2026-11-19', '')" \
      "SELECT keqing_api.add_event($own_id, 987654321, 'wedding', '2026-11-19', '')" "$person" "987654321"
    refuse "$who" "log under another team's rep's name" \
      "SELECT keqing_api.log_contact($own_id, 'call', '2026-11-20', '', 'zhao', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "is neither $who nor a rep it manages"
    for f in "add_customer('HZ999', 'x', NULL, NULL, '', '', '', 'A', '$who')" "update_customer($own_id, 'x', NULL, NULL, '', '', '')" \
      "set_place($own_id, 'x', NULL, NULL)" \
      "set_tier($own_id, 'C', '2026-11-01')" "assign_rep($hidden_id, '$who', '2026-11-01')" "add_rep('$who', 'x', '华东二组')" "update_rep('$who', 'x', '华东二组')" \
      "add_manager('$who', '华东二组')" "remove_manager('zhou', '华东一组')"; do
      refuse "$who" "keqing_api.${f%%(*} (an admin's)" "SELECT keqing_api.$f" "permission denied for function ${f%%(*}"
    done
    refuse "$who" "SET ROLE keqing_admin" "SET ROLE keqing_admin" "permission denied to set role"
    refuse "$who" "SET SESSION AUTHORIZATION boss" "SET SESSION AUTHORIZATION boss" "permission denied to set session authorization"
    local group=keqing_rep
    [ "$who" = zhou ] && group=keqing_manager
    reveal_nothing "$who" "SET ROLE to its group, then read everything" "SET ROLE $group; $(every_row)"
  done

  # --- Temporary objects: none may be made; and with TEMP granted by mistake, shadowing every name a
  # definer function uses (and a leaky function over the rows) still shows nothing hidden.
  refuse wang "CREATE TEMP TABLE" "CREATE TEMP TABLE assignments (customer_id bigint, rep_id text)" "permission denied to create temporary tables"
  refuse wang "CREATE TEMP VIEW" "CREATE TEMP VIEW customers AS SELECT 1" "permission denied to create temporary tables"
  refuse wang "CREATE FUNCTION pg_temp.…" "CREATE FUNCTION pg_temp.unrestricted() RETURNS boolean LANGUAGE sql AS 'SELECT true'" \
    "permission denied to create temporary tables"
  owner_query "GRANT TEMP ON DATABASE $DB TO wang" >/dev/null
  for t in customers assignments reps team_managers tier_history contacts people life_events settings keqing_schema followups \
    pg_namespace pg_roles pg_auth_members; do
    reveal_nothing wang "a temporary $t shadowing the definer functions' (TEMP granted by mistake)" \
      "SET search_path = pg_temp, keqing_api, public;
       CREATE TEMP TABLE $t AS SELECT g::bigint AS id, g::bigint AS customer_id, 'wang'::text AS rep_id, 'wang'::text AS login,
         '华东一组'::text AS team, 'wang'::text AS id_text, 1 AS version, 'timezone'::text AS name, 'UTC'::text AS value,
         '0001-01-01'::text AS effective_from, 0::oid AS nspowner, 'keqing'::name AS nspname FROM generate_series(1, 100) g;
       GRANT ALL ON $t TO PUBLIC;
       $(every_row)"
  done
  reveal_nothing wang "temporary functions named like the private helpers (TEMP granted by mistake)" \
    "CREATE FUNCTION pg_temp.unrestricted() RETURNS boolean LANGUAGE sql AS 'SELECT true';
     CREATE FUNCTION pg_temp.visible_ids() RETURNS SETOF bigint LANGUAGE sql AS 'SELECT generate_series(1, 100)::bigint';
     SET search_path = pg_temp, keqing_private, keqing_api, pg_catalog;
     $(every_row)"
  reveal_nothing wang "a leaky function in WHERE (TEMP granted by mistake)" \
    "CREATE FUNCTION pg_temp.leak(text) RETURNS boolean LANGUAGE plpgsql COST 0.00001 AS \$\$ BEGIN RAISE NOTICE 'leak %', \$1; RETURN false; END \$\$;
     SELECT count(*) FROM keqing_api.customers() c, keqing_api.contacts($all) k
      WHERE pg_temp.leak(c.name || c.code) OR pg_temp.leak(k.note || k.customer_id::text)"
  owner_query "REVOKE TEMP ON DATABASE $DB FROM wang" >/dev/null

  # --- Row-level security, the second line: a table privilege granted by mistake yields no row, no write.
  owner_query "GRANT USAGE ON SCHEMA keqing TO keqing_rep; GRANT SELECT, INSERT ON keqing.customers, keqing.contacts TO keqing_rep" >/dev/null
  reveal_nothing wang "SELECT with a table privilege granted by mistake" \
    "SELECT c::text FROM keqing.customers c UNION ALL SELECT k::text FROM keqing.contacts k"
  refuse wang "INSERT with a table privilege granted by mistake" \
    "INSERT INTO keqing.contacts (customer_id, channel, happened_on, rep_id, logged_at) VALUES ($own_id, 'call', '2026-11-20', 'wang', '2026-11-20T20:00')" \
    "new row violates row-level security policy"
  owner_query "REVOKE ALL ON keqing.customers, keqing.contacts FROM keqing_rep; REVOKE USAGE ON SCHEMA keqing FROM keqing_rep" >/dev/null

  # --- Server-side facts: when a contact was logged, how late, dated no later than the server's today.
  local today tomorrow
  today=$(owner_query "SELECT keqing_private.today()")
  tomorrow=$(owner_query "SELECT to_char(keqing_private.today()::date + 1, 'YYYY-MM-DD')")
  for who in wang zhou boss; do
    refuse "$who" "a contact dated after the server's today" \
      "SELECT keqing_api.log_contact($own_id, 'call', '$tomorrow', '', 'wang', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "after the server's today"
    refuse "$who" "the same in a session time zone 14 hours ahead" \
      "SET TimeZone = 'Pacific/Kiritimati'; SELECT keqing_api.log_contact($own_id, 'call', '$tomorrow', '', 'wang', '', 0, '', '', '', '', '', '', '', 0, '', 0)" \
      "after the server's today"
  done
  # A rep back-dates a contact by ten days from a session whose clock reads otherwise: the server records
  # its own now and a lag of ten days (what the late flag is made of), whatever the client would say.
  local ten_ago id logged lag
  ten_ago=$(owner_query "SELECT to_char(keqing_private.today()::date - 10, 'YYYY-MM-DD')")
  psql_as wang "SET TimeZone = 'Pacific/Kiritimati'; SELECT keqing_api.log_contact($own_id, 'call', '$ten_ago', '09:00', 'wang', 'back-dated', 0, '', '', '', '', '', '', '', 0, '', 0)"
  id=$(out | tail -1)
  logged=$(owner_query "SELECT logged_at FROM keqing.contacts WHERE id = ${id:-0}")
  lag=$(owner_query "SELECT lag FROM keqing.contacts WHERE id = ${id:-0}")
  attacks=$((attacks + 1))
  if [ "$lag" = 10 ] && [ "${logged:0:10}" = "$today" ]; then refused=$((refused + 1)); pass
    echo "  refused  [$LABEL] wang: hide late logging (logged_at $logged, lag $lag: the server's)"
  else fail "[$LABEL] wang: hide late logging — NOT REFUSED: logged_at '$logged', lag '$lag' (today $today)"; fi
  psql_as wang "SELECT keqing_api.void_contact(${id:-0}, 'test')"
  remember
  refuse wang "undo a void" "SELECT keqing_api.void_contact(${id:-0}, 'again')" "a void is final"

  # --- Power: DDL, grants, roles, the server's files and programs.
  for who in wang zhou boss; do
    refuse "$who" "CREATE TABLE in public" "CREATE TABLE public.x (a int)" "permission denied for schema public"
    refuse "$who" "CREATE FUNCTION in keqing_api" "CREATE FUNCTION keqing_api.x() RETURNS int LANGUAGE sql AS 'SELECT 1'" \
      "permission denied for schema keqing_api"
    refuse "$who" "replace an API function" \
      "CREATE OR REPLACE FUNCTION keqing_api.customers() RETURNS SETOF bigint LANGUAGE sql AS 'SELECT 1::bigint'" \
      "permission denied for schema keqing_api"
    refuse "$who" "make an API function run as the caller" "ALTER FUNCTION keqing_api.customers() SECURITY INVOKER" \
      "must be owner of function keqing_api.customers"
    refuse "$who" "CREATE SCHEMA" "CREATE SCHEMA evil" "permission denied for database"
    refuse "$who" "CREATE EXTENSION" "CREATE EXTENSION dblink SCHEMA keqing_api" "permission denied"
    refuse "$who" "GRANT itself keqing_admin" "GRANT keqing_admin TO $who" 'must have admin option on role "keqing_admin"'
    refuse "$who" "GRANT itself the owner" "GRANT kq_owner TO $who" 'must have admin option on role "kq_owner"'
    refuse "$who" "GRANT itself the superuser" "GRANT postgres TO $who" "must be superuser to alter superusers"
    refuse "$who" "SET ROLE to the owner" "SET ROLE kq_owner" "permission denied to set role"
    refuse "$who" "GRANT USAGE ON SCHEMA keqing" "GRANT USAGE ON SCHEMA keqing TO $who" "permission denied for schema keqing"
    refuse "$who" "ALTER ROLE … SUPERUSER" "ALTER ROLE $who SUPERUSER" "must be superuser to alter superuser roles"
    refuse "$who" "ALTER ROLE … CREATEROLE" "ALTER ROLE $who CREATEROLE" "permission denied"
    refuse "$who" "another role's password" "ALTER ROLE li PASSWORD 'x'" "permission denied"
    refuse "$who" "COPY TO PROGRAM" "COPY (SELECT 1) TO PROGRAM 'id'" "must be superuser or have privileges of the pg_execute_server_program role"
    refuse "$who" "read a server file" "SELECT pg_read_file('/etc/passwd')" "permission denied for function pg_read_file"
    refuse "$who" "import a server file" "SELECT lo_import('/etc/passwd')" "permission denied for function lo_import"
    refuse "$who" "DROP a table" "DROP TABLE keqing.contacts" "permission denied for schema keqing"
  done

  # --- The server's other databases (whose statistics views show every database's sessions and locks), and
  # the transaction counter (how much everyone writes).
  for who in wang zhou guest; do
    for d in postgres template1; do
      run psql -X -At "$(url_as "$who" "$d")" -c "SELECT usename, datname FROM pg_stat_activity"
      attacks=$((attacks + 1))
      if [ "$rc" -ne 0 ] && grep -qF "permission denied for database" "$WORK/err"; then refused=$((refused + 1)); pass
        echo "  refused  [$LABEL] $who: connect to $d and watch everyone's sessions"
      else fail "[$LABEL] $who: connect to $d — NOT REFUSED: $(head -c 200 "$WORK/out")"; fi
    done
  done
  for who in wang zhou; do
    refuse "$who" "age(xid) of an old xid (the cluster's transaction counter)" "SELECT age('3'::xid)" "permission denied for function age"
    refuse "$who" "age(xmin) of a catalog row" "SELECT age(xmin) FROM pg_proc LIMIT 1" "permission denied for function age"
    refuse "$who" "mxid_age" "SELECT mxid_age('1'::xid)" "permission denied for function mxid_age"
    refuse "$who" "pg_export_snapshot() (its name counts the backend's transactions)" "SELECT pg_export_snapshot()" \
      "permission denied for function pg_export_snapshot"
    refuse "$who" "pg_cancel_backend on another pid (is it a session?)" "SELECT pg_cancel_backend(pg_backend_pid() + 1)" \
      "permission denied for function pg_cancel_backend"
    psql_as "$who" "SET debug_print_plan = on; SET debug_print_parse = on; SET trace_sort = on; SET client_min_messages = log;
      SELECT count(*) FROM keqing_api.contacts('2026-11-01', '2026-11-30'); SELECT count(*) FROM keqing_api.customers()"
    attacks=$((attacks + 1))
    # (The caller's own statement's plan is a function scan: no relation in it. A plan from inside names one.)
    if [ "$rc" -eq 0 ] && ! grep -qE ":relid [1-9]" "$WORK/err"; then refused=$((refused + 1)); pass
      echo "  refused  [$LABEL] $who: debug_print_plan and client_min_messages = log (the plans inside, their estimates)"
    else fail "[$LABEL] $who: debug_print_plan — NOT REFUSED: $(grep -cE ":relid [1-9]" "$WORK/err") relations in the plans (exit $rc)"; fi
    refuse "$who" "age(datfrozenxid) (the transaction counter)" "SELECT age(datfrozenxid) FROM pg_database" "permission denied for table pg_database"
    refuse "$who" "relfrozenxid" "SELECT relfrozenxid FROM pg_class WHERE relname = 'contacts'" "permission denied for table pg_class"
    refuse "$who" "pg_control_checkpoint() (next xid)" "SELECT next_xid FROM pg_control_checkpoint()" "permission denied for function pg_control_checkpoint"
    refuse "$who" "pg_xact_status" "SELECT pg_xact_status('1000'::xid8)" "permission denied for function pg_xact_status"
  done

  # --- A role in no keqing group, and keqing itself for it.
  refuse guest "connect" "SELECT 1" "permission denied for database"
  secrets_of guest >"$WORK/secrets.guest"
  run env KEQING_DB="$(url_as guest "$DB")" check-quota --all --month 2026-11 --as-of 2026-11-20 --format json
  attacks=$((attacks + 1))
  if [ "$rc" -eq 4 ] && ! leaked guest >/dev/null; then refused=$((refused + 1)); pass; echo "  refused  [$LABEL] guest: check-quota --all"
  else fail "[$LABEL] guest: check-quota --all — NOT REFUSED: exit $rc"; fi
}

# A fresh team database: bootstrapped, opened first by its owner, the examples loaded by the owner.
DB=attacks_fresh_$$ PG_DB=attacks_fresh_$$
DBS+=("$DB")
pg_create_db "$DB" kq_owner || { echo "bootstrap failed"; exit 1; }
DB_URL=$PG_BASE/$DB
LABEL=fresh
( export KEQING_DB=$(url_as kq_owner "$DB"); run roster rep list; [ "$rc" -eq 0 ] && [ ! -s "$WORK/err" ] ) &&
  pass || fail "[fresh] the owner's first open (no warning after the bootstrap): $(cat "$WORK/err")"
( export KEQING_DB=$(url_as kq_owner "$DB"); load_examples && roster person import "$SRC/examples/people.csv" >/dev/null &&
  roster event import "$SRC/examples/events.csv" >/dev/null ) || { echo "could not load the examples"; exit 1; }
owner_query "INSERT INTO keqing.team_managers VALUES ('zhou', '华东一组')" >/dev/null
attack_server

# The schema-5 team database, restored by its owner and upgraded by its owner's first open with this keqing.
DB=attacks_v5_$$ PG_DB=attacks_v5_$$
DBS+=("$DB")
pg_create_db "$DB" kq_owner || { echo "bootstrap failed"; exit 1; }
DB_URL=$PG_BASE/$DB
LABEL=from-schema-5
psql -qX -v ON_ERROR_STOP=1 "$(url_as kq_owner "$DB")" -f "$SRC/tests/fixtures/pg_schema_v5.sql" >/dev/null 2>"$WORK/restore.err" ||
  { cat "$WORK/restore.err"; exit 1; }
rows_of() { # SCHEMA: every row of every table, by table, as text (the columns schema 5 had)
  local t columns
  for t in reps customers tier_history assignments contacts people life_events team_managers; do
    columns=$(owner_query "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM
      information_schema.columns WHERE table_schema = 'public' AND table_name = '$t'")
    [ -n "$columns" ] || columns=$(cat "$WORK/columns.$t")
    echo "$columns" >"$WORK/columns.$t"
    echo "$t"; owner_query "SELECT ROW($columns)::text FROM $1.$t ORDER BY 1"
  done
}
rows_of public >"$WORK/v5.rows"
run env KEQING_DB="$(url_as wang "$DB")" KEQING_REP=wang roster list
expect_rc 4 "[from-schema-5] a rep opens it before the owner"
expect_err "the database's owner must open it once with this keqing" "[from-schema-5] the rep is told who upgrades"
KEQING_DB=$(url_as kq_owner "$DB") run roster list --as-of 2026-11-20
expect_rc 0 "[from-schema-5] the owner's first open upgrades it"; expect_no_err "[from-schema-5] no warning after the bootstrap"
rows_of keqing >"$WORK/v6.rows"
if cmp -s "$WORK/v5.rows" "$WORK/v6.rows" && [ "$(wc -l <"$WORK/v6.rows")" -gt 50 ]; then pass
else fail "[from-schema-5] rows changed in the upgrade: $(diff "$WORK/v5.rows" "$WORK/v6.rows" | head -5)"; fi
[ "$(owner_query "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] && pass ||
  fail "[from-schema-5] tables left in public"
latest=$(ls "$SRC"/schemas/[0-9][0-9][0-9]_*.sql | sed 's|.*/||; s|_.*||' | sort -n | tail -1 | sed 's/^0*//') # the highest number
[ "$(owner_query "SELECT max(version) FROM keqing.keqing_schema")" = "$latest" ] && pass || fail "[from-schema-5] schema version"
attack_server

echo "$attacks attacks, $refused refused"
finish
