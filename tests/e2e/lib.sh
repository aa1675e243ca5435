# Shared helpers for the end-to-end tests: a temporary home and database per script, running the real
# executables, and assertions that print "N passed, M failed" at the end. Every suite runs twice: on a
# SQLite file, and with KEQING_TEST_BACKEND=postgresql on a fresh database of the throwaway server whose
# base URL is in $KEQING_TEST_PG_DIR/url (tests/e2e/pg_server.sh, started by ctest), set up as docs/TEAMS.md
# sets one up (schemas/pg_bootstrap.sql) with the server's superuser as keqing's owner.
set -u
BIN=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/keqing-e2e.XXXXXX")
BACKEND=${KEQING_TEST_BACKEND:-sqlite}
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data KEQING_DB=$WORK/k.db NO_COLOR=1
# English messages whatever the machine's locale (the suites grep them); test_i18n_* set Chinese themselves.
export LANG=C.UTF-8 LANGUAGE= LC_ALL= LC_MESSAGES=
unset KEQING_LANGUAGE
PG_BASE=
if [ "$BACKEND" = postgresql ]; then
  PG_BASE=$(cat "${KEQING_TEST_PG_DIR:?the PostgreSQL server folder}/url" 2>/dev/null) ||
    { echo "no PostgreSQL test server: ${KEQING_TEST_PG_DIR}/url is missing" >&2; exit 77; }
  PG_DB=e2e_$(basename "$0" .sh | tr -c 'a-z0-9_\n' _)_$$
  # pg_create_db NAME [OWNER]: a new database, bootstrapped; the owner role defaults to the superuser.
  # One at a time: suites running side by side would change the shared roles and databases at once.
  pg_create_db() {
    flock "$KEQING_TEST_PG_DIR/bootstrap.lock" psql -qX -v ON_ERROR_STOP=1 "$PG_BASE/postgres" -v db="$1" \
      -v owner="${2:-postgres}" -f "$SRC/schemas/pg_bootstrap.sql" >/dev/null
  }
  # The suite's own database is a copy of a template made once per schema (bootstrapped and migrated by the
  # tools), so that each of the fifty suites does not migrate a new database itself (about 2 s each).
  pg_template_copy() {
    local tpl schemas_sum
    schemas_sum=$(cat "$SRC"/schemas/*.sql | sha256sum | cut -c1-12)
    tpl=e2e_template_$schemas_sum
    (
      flock 9
      if [ "$(psql -qAtX "$PG_BASE/postgres" -c "SELECT 1 FROM pg_database WHERE datname = '${tpl}_ready'")" != 1 ]; then
        psql -qX "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $tpl WITH (FORCE)" >/dev/null &&
          psql -qX -v ON_ERROR_STOP=1 "$PG_BASE/postgres" -v db="$tpl" -v owner=postgres \
            -f "$SRC/schemas/pg_bootstrap.sql" >/dev/null &&
          "$BIN/roster" rep list --db "$PG_BASE/$tpl" >/dev/null &&
          psql -qX "$PG_BASE/postgres" -c "CREATE DATABASE ${tpl}_ready" >/dev/null || exit 1
      fi
      psql -qX -v ON_ERROR_STOP=1 "$PG_BASE/postgres" >/dev/null <<SQL || exit 1
CREATE DATABASE $PG_DB TEMPLATE $tpl OWNER postgres;
REVOKE ALL ON DATABASE $PG_DB FROM PUBLIC;
GRANT CONNECT ON DATABASE $PG_DB TO postgres, keqing_admin, keqing_manager, keqing_rep;
SQL
    ) 9>"$KEQING_TEST_PG_DIR/bootstrap.lock"
  }
  pg_template_copy || exit 1
  export KEQING_DB=$PG_BASE/$PG_DB
fi
cleanup() {
  rm -rf "$WORK"
  if [ -n "$PG_BASE" ]; then psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1; fi
}
trap cleanup EXIT
unset KEQING_REP KEQING_RULES KEQING_NOW TZ
export USER=tester
# The tools under test first, then Debian's own (python3, sqlite3, psql: the packages the Makefile installs).
# A version manager's shim earlier in PATH (pyenv's python3 starts in 0.27 s, Debian's in 0.03 s) would
# cost the suite minutes and test another interpreter than the one installed. psql is the server's own
# binary, not Debian's wrapper script /usr/bin/psql (a Perl start-up per call: 67 ms instead of 34 ms).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PATH=$BIN${PG_BIN:+:$PG_BIN}:/usr/bin:$PATH
passed=0
failed=0
rc=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; echo "  stdout: $(head -c 600 "$WORK/out")" >&2; echo "  stderr: $(head -c 600 "$WORK/err")" >&2; }

# run CMD ARGS…: runs with stdin from /dev/null, keeping stdout, stderr and the exit status.
run() { "$@" </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?; }
out() { cat "$WORK/out"; }

expect_rc() { if [ "$rc" -eq "$1" ]; then pass; else fail "$2: exit $rc, expected $1"; fi; }
expect_out() { if grep -qF -- "$1" "$WORK/out"; then pass; else fail "$2: stdout lacks '$1'"; fi; }
expect_no_out() { if grep -qF -- "$1" "$WORK/out"; then fail "$2: stdout has '$1'"; else pass; fi; }
# One clear stderr line starting with the tool's name and containing the text.
expect_err() {
  local lines
  lines=$(wc -l <"$WORK/err")
  if [ "$lines" -eq 1 ] && grep -qF -- "$1" "$WORK/err" && grep -qE '^[a-z-]+: error: ' "$WORK/err"; then pass
  else fail "$2: expected one stderr line with '$1'"; fi
}
expect_no_err() { if [ -s "$WORK/err" ]; then fail "$1: unexpected stderr"; else pass; fi; }

# One query's result (rows one per line, columns separated by |), on either backend.
db_query() {
  if [ "$BACKEND" = postgresql ]; then PGOPTIONS=-csearch_path=keqing psql -qAtX "$KEQING_DB" -c "$1"; else sqlite3 "$KEQING_DB" "$1"; fi
}
# A fingerprint of every row in the database, to prove a failed command changed nothing.
db_hash() {
  if [ "$BACKEND" = postgresql ]; then
    # One psql for all (a start costs ~30 ms): the tables' names, then each table's rows (\gexec runs them).
    psql -qAtX -v ON_ERROR_STOP=1 "$KEQING_DB" <<'SQL' | sha256sum | cut -d' ' -f1
SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'keqing';
SELECT format('SELECT %L, x::text FROM keqing.%I x ORDER BY 2', tablename, tablename)
  FROM pg_tables WHERE schemaname = 'keqing' ORDER BY tablename \gexec
SQL
  else
    sqlite3 "$KEQING_DB" .dump | sha256sum | cut -d' ' -f1
  fi
}
# Team-server suites (PostgreSQL only): login roles are cluster-wide, so pg_role NAME [GROUP] creates one
# once (keeping it if an earlier run on this server made it); the server trusts its private socket, so a
# role connects by name alone: url_as ROLE is the database's URL for ROLE, as ROLE CMD… runs a keqing
# command connected as ROLE (also the current rep), psql_as ROLE SQL runs one statement through psql as
# ROLE, keeping stdout, stderr and the exit status like run.
pg_role() {
  psql -qX "$PG_BASE/postgres" -c "DO \$\$ BEGIN CREATE ROLE $1 LOGIN${2:+ IN ROLE $2}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$" ||
    { echo "could not create role $1"; exit 1; }
}
url_as() { echo "${PG_BASE/postgres@/$1@}/${2:-$PG_DB}"; }
as() { local who=$1; shift; KEQING_DB=$(url_as "$who") KEQING_REP=$who "$@"; }
psql_as() { run psql -X -At -v ON_ERROR_STOP=1 "$(url_as "$1")" -c "$2"; }

# Ends a script that only makes sense on SQLite (files, locks, disk space) when running on PostgreSQL.
sqlite_only() {
  if [ "$BACKEND" != sqlite ]; then echo "$(basename "$0" .sh): SQLite only (${1}); skipped on $BACKEND"; exit 77; fi
}
snapshot() { SNAP=$(db_hash); }
expect_unchanged() { if [ "$(db_hash)" = "$SNAP" ]; then pass; else fail "$1: database changed"; fi; }

# A bad-input case: exit status, one stderr line containing the text, database unchanged.
expect_rejected() { # STATUS TEXT DESCRIPTION CMD…
  local status=$1 text=$2 desc=$3
  shift 3
  snapshot
  run "$@"
  expect_rc "$status" "$desc"
  expect_err "$text" "$desc"
  expect_unchanged "$desc"
}

# widest FILE: the display width of FILE's widest line (East Asian wide and fullwidth count 2).
widest() {
  python3 -c '
import sys, unicodedata
w = lambda l: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
print(max([w(l) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()] or [0]))' "$1"
}

load_examples() {
  roster rep import "$SRC/examples/reps.csv" >/dev/null &&
  roster import "$SRC/examples/customers.csv" >/dev/null &&
  KEQING_NOW=2026-11-20T20:00 log-visit --import "$SRC/examples/contacts.csv" >/dev/null
}

finish() {
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
