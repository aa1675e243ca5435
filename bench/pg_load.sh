#!/usr/bin/env bash
# Copies a generated benchmark database (keqing-gen, SQLite) into a PostgreSQL database, so that the same
# data is measured on both backends: keqing creates the schema, every table is copied with COPY, the
# identity counters are moved past the copied ids, then VACUUM ANALYZE (visibility map for index-only
# scans, statistics for the planner).
#   bench/pg_load.sh BIN_DIR SQLITE_DB POSTGRES_URL      (the PostgreSQL database must exist and be empty;
#   its owner's role runs it: COPY writes ids into identity columns as they are)
set -euo pipefail
bin=$1 db=$2 url=$3
export PGOPTIONS="-c search_path=keqing" # keqing's tables live in the schema keqing (schema 6)
"$bin/roster" --db "$url" rep list >/dev/null # creates the schema
for table in reps customers tier_history assignments people life_events contacts team_managers; do
    columns=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$table')")
    [ -n "$columns" ] || continue # a table this file's schema version does not have yet
    sqlite3 -csv "$db" "SELECT $columns FROM $table" |
        psql -q "$url" -c "\\copy $table ($columns) FROM STDIN WITH (FORMAT csv)"
done
psql -q "$url" <<'SQL'
SELECT setval(pg_get_serial_sequence('customers', 'id'), coalesce((SELECT max(id) FROM customers), 1));
SELECT setval(pg_get_serial_sequence('contacts', 'id'), coalesce((SELECT max(id) FROM contacts), 1));
SELECT setval(pg_get_serial_sequence('people', 'id'), coalesce((SELECT max(id) FROM people), 1));
SELECT setval(pg_get_serial_sequence('life_events', 'id'), coalesce((SELECT max(id) FROM life_events), 1));
VACUUM ANALYZE;
SQL
