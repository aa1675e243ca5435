#!/usr/bin/env bash
# Measures keqing against the plain sqlite3 shell on the same data, at several scales, and prints a
# markdown table of times, ratios and peak memory. Not a test: run it by hand (`make bench`).
#   bench/run.sh [BIN_DIR] [SCALES…]        e.g. bench/run.sh build/bin 20000 60000 200000
# Environment: BENCH_DIR (default /tmp/keqing-bench) for the generated databases; IMPORT_ROWS (1000000);
# RUNS (5): each measurement is the median of RUNS runs, keqing's and the baseline's interleaved so that
# both see the same machine (IMPORT_RUNS, default 3, for the import, which takes a minute a run).
#
# The baselines run in the sqlite3 shell. For check-quota --all and report, the hand-written query that
# computes the same per-customer-channel counts, on an equivalent file: keqing's database plus the
# covering index that query wants (contacts by day, customer, channel). For one contact, a bare INSERT;
# for the import, `.import` of the same CSV into a staging table and one INSERT … SELECT resolving customer
# codes — both on copies of keqing's own database, so both maintain the same indexes — and issue 23's
# floor: `.import` into a bare table plus one index on (customer, date, channel) built afterwards, against
# keqing's import into a copy of the same database without contacts (empty-N.db, empty-N-SHAPE.db) and into the full one.
# That floor holds none of the contacts stored before; one more row measures the import into the full
# database against the sqlite3 shell adding the file to them: a bare table of the stored contacts with the
# floor's one index (stored-N.db, stored-N-SHAPE.db), the file's rows inserted sorted by that index — or,
# when the file is at least half as large as what is stored, the index dropped and built again, as keqing
# chooses (informational: issue 23 sets no target on it).
#
# MEASURE=REGEX runs only the measurements whose label matches (grep -E), e.g. MEASURE=import.
#
# SHAPES (default "year month") — the data each scale is measured on, so that no figure holds for one shape
# only (issue 23): `year` is twelve months of contacts (2025-11 … 2026-10) with people, birthdays and life
# events; `month` is one month (2026-10) with no people and no events; `crowded` is a year with 400
# customers a rep instead of 100. Each shape's database is generated once (keqing-N.db for `year`,
# keqing-N-SHAPE.db for the others) and kept in BENCH_DIR.
#
# PG=1 also measures PostgreSQL (Debian's server, started here with fsync on; tests/e2e/pg_server.sh):
# each scale is copied in (bench/pg_load.sh) and the same commands run against the same hand-written SQL
# in psql; writes run on a fresh copy of the database (CREATE DATABASE … TEMPLATE). Peak RSS is keqing's
# or psql's process, not the server's.
set -euo pipefail
bin=$(cd "${1:-build/bin}" && pwd)
shift || true
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(20000 60000 200000)
dir=${BENCH_DIR:-/tmp/keqing-bench}
rows=${IMPORT_ROWS:-1000000}
runs=${RUNS:-5}
import_runs=${IMPORT_RUNS:-3}
mkdir -p "$dir"
export PGOPTIONS="-c client_min_messages=warning -c search_path=keqing"
month=2026-10 first=2026-10-01 last=2026-10-31

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
# One run of a command: prints "SECONDS KB" (wall time, the command's process start included, and peak RSS;
# bench/timer.cpp). With COPY_OF=DB (PG_COPY_OF on PostgreSQL), the command runs on a fresh copy ($COPY);
# with PG_COPY_ONCE=DB, on one copy made for the whole row (pair).
run_once() {
    local copy=$dir/copy.db
    if [ -n "${COPY_OF:-}" ]; then cp "$COPY_OF" "$dir/copy.db" && sync; fi
    [ -z "${PG_COPY_ONCE:-}" ] || copy=$pg/bench_copy
    if [ -n "${PG_COPY_OF:-}" ]; then
        psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy TEMPLATE $PG_COPY_OF"
        copy=$pg/bench_copy
    fi
    # keqing-bench-time starts a plain command line itself (the time is the command's own), any other
    # through /bin/sh -c; /usr/bin/time, bash -c and date around it added about 20 ms to every figure.
    COPY=$copy "$bin/keqing-bench-time" "$1"
}
# Runs keqing's command and the baseline's alternately, $runs times each: prints
# "K_SECONDS K_KB B_SECONDS B_KB" (medians; peaks are the largest seen). BASE_COPY_OF=DB: the baseline runs
# on a fresh copy of DB instead of COPY_OF's.
pair() { # KEQING_CMD BASE_CMD (BASE_CMD may be empty)
    local k=() b=() kp=0 bp=0 out
    if [ -n "${PG_COPY_ONCE:-}" ]; then
        psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy TEMPLATE $PG_COPY_ONCE"
    fi
    for _ in $(seq "$runs"); do
        out=$(run_once "$1"); k+=("${out% *}"); [ "${out#* }" -gt "$kp" ] && kp=${out#* }
        if [ -n "$2" ]; then
            out=$(COPY_OF=${BASE_COPY_OF:-${COPY_OF:-}} run_once "$2"); b+=("${out% *}"); [ "${out#* }" -gt "$bp" ] && bp=${out#* }
        fi
    done
    printf '%s %s %s %s\n' "$(printf '%s\n' "${k[@]}" | median)" "$kp" \
        "$( [ -n "$2" ] && printf '%s\n' "${b[@]}" | median || echo -)" "$bp"
}
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }

import_sql_file=$dir/import.sql
count_sql="SELECT customer_id, channel, count(*) FROM contacts WHERE happened_on BETWEEN '$first' AND '$last' AND voided_at IS NULL GROUP BY customer_id, channel"
cat >"$import_sql_file" <<SQL
.import --csv $dir/import.csv staging
BEGIN;
INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, note, logged_at)
  SELECT c.id, s.channel, s.date, s.time, s.rep, s.note, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime')
  FROM staging s JOIN customers c ON c.code = s.customer;
COMMIT;
SQL
bare_sql_file=$dir/import-bare.sql
cat >"$bare_sql_file" <<SQL
.import --csv $dir/import.csv bare
CREATE INDEX bare_key ON bare(customer, date, channel);
SQL
cat >"$dir/import-stored-sorted.sql" <<SQL
.import --csv --schema temp $dir/import.csv staging
INSERT INTO bare SELECT * FROM temp.staging ORDER BY customer, date, channel;
SQL
cat >"$dir/import-stored-rebuilt.sql" <<SQL
DROP INDEX bare_key;
.import --csv $dir/import.csv bare
CREATE INDEX bare_key ON bare(customer, date, channel);
SQL

pg=
if [ "${PG:-0}" = 1 ]; then
    KEQING_PG_FSYNC=on "$(dirname "$0")/../tests/e2e/pg_server.sh" start "$dir/pg-server" >/dev/null
    pg=$(cat "$dir/pg-server/url")
    trap '"$(dirname "$0")/../tests/e2e/pg_server.sh" stop "$dir/pg-server"' EXIT
fi
cat >"$dir/import-pg.sql" <<SQL
CREATE TEMP TABLE staging (customer text, channel text, date text, time text, rep text, note text);
\\copy staging FROM '$dir/import.csv' WITH (FORMAT csv, HEADER true)
BEGIN;
INSERT INTO contacts (customer_id, channel, happened_on, happened_at, rep_id, note, logged_at)
  SELECT c.id, s.channel, s.date, s.time, s.rep, s.note, to_char(now(), 'YYYY-MM-DD"T"HH24:MI')
  FROM staging s JOIN customers c ON c.code = s.customer;
COMMIT;
SQL

# Issue 23 target 4: every command's peak RSS at most this many MB (the last column says whether it is).
rss_target=${RSS_TARGET_MB:-200}
read -r -a shapes <<<"${SHAPES:-year month}"
shape_args() { # SHAPE: keqing-gen's options for it
    case $1 in
    year) echo "" ;;
    month) echo "--months 1 --bare" ;;
    crowded) echo "--per-rep 400" ;;
    *) echo "bench/run.sh: unknown shape '$1' in SHAPES; use year, month or crowded" >&2; exit 2 ;;
    esac
}
# Each core's speed, before the measurements and after them: the same single-threaded work (SQLite counting
# to two million) pinned to one core at a time, in seconds. On a shared virtual machine one core can run
# 60 % slower than the other for minutes (2026-12-05), which moves a single-threaded baseline's time by as
# much depending on the core it lands on; unequal figures here say a run's ratios are not to be trusted.
cpu_speeds() {
    command -v taskset >/dev/null || { echo "unknown (no taskset)"; return; }
    local c out=""
    for ((c = 0; c < $(nproc); c++)); do
        out+="${out:+, }cpu$c $("$bin/keqing-bench-time" "taskset -c $c sqlite3 :memory: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) SELECT sum(i) FROM n' >/dev/null" | cut -d' ' -f1) s"
    done
    echo "$out"
}
speeds_before=$(cpu_speeds)
# A row's TARGET (issue 23), checked in the "target met" column: "ratio<=X" (keqing's time over the
# baseline's) or "s<=X" (keqing's median seconds, process start included); none: "-".
target_met() { # TARGET K_SECONDS RATIO
    [ -n "$1" ] || { echo -; return; }
    local value=$2 limit=${1#*<=}
    [ "${1%%<=*}" = ratio ] && value=$3
    python3 -c "import sys; print('yes' if float(sys.argv[1]) <= float(sys.argv[2]) else 'NO')" "$value" "$limit"
}
echo "| customers | contacts | data | backend | measurement | keqing s | baseline s | ratio | target | target met | keqing peak RSS MB | baseline peak RSS MB | RSS ≤ $rss_target MB |"
echo "|---:|---:|---|---|---|---:|---:|---:|---|---|---:|---:|---|"
for shape in "${shapes[@]}"; do
gen_args=($(shape_args "$shape"))
suffix=$([ "$shape" = year ] || echo "-$shape")
for n in "${scales[@]}"; do
    db=$dir/keqing-$n$suffix.db base=$dir/baseline-$n$suffix.db
    empty=$dir/empty-$n$suffix.db     # the same reps and customers, no contacts
    stored=$dir/stored-$n$suffix.db   # the stored contacts as the floor's bare table, with its one index
    if [ ! -f "$db" ]; then
        "$bin/keqing-gen" "$db" "$n" "${gen_args[@]}" --import-csv "$dir/import.csv" --import-rows "$rows" >&2
        rm -f "$base" "$empty" "$stored" # (made from the data generated before)
    else # the import file of this scale
        "$bin/keqing-gen" "$db" "$n" "${gen_args[@]}" --csv-only --import-csv "$dir/import.csv" --import-rows "$rows"
    fi
    if [ ! -f "$base" ]; then
        cp "$db" "$base.tmp"
        sqlite3 "$base.tmp" "CREATE INDEX baseline_month ON contacts(happened_on, customer_id, channel, voided_at)"
        mv "$base.tmp" "$base"
    fi
    if [ ! -f "$empty" ]; then
        cp "$db" "$empty.tmp"
        sqlite3 "$empty.tmp" "PRAGMA foreign_keys = OFF; DELETE FROM retags; DELETE FROM followups;
            DELETE FROM contacts; DELETE FROM imports; VACUUM"
        mv "$empty.tmp" "$empty"
    fi
    if [ ! -f "$stored" ]; then
        rm -f "$stored.tmp"
        sqlite3 "$stored.tmp" "ATTACH '$db' AS k;
            CREATE TABLE bare (customer TEXT, channel TEXT, date TEXT, time TEXT, rep TEXT, note TEXT);
            INSERT INTO bare SELECT c.code, x.channel, x.happened_on, substr(x.happened_at, 12), x.rep_id, x.note
              FROM k.contacts x JOIN k.customers c ON c.id = x.customer_id ORDER BY x.id;
            CREATE INDEX bare_key ON bare(customer, date, channel)"
        mv "$stored.tmp" "$stored"
    fi
    contacts=$(sqlite3 "$db" "SELECT count(*) FROM contacts")
    rep=$(sqlite3 "$db" "SELECT id FROM reps ORDER BY id LIMIT 1 OFFSET 7")
    code=$(sqlite3 "$db" "SELECT code FROM customers WHERE id = 8")
    backend=SQLite
    row() { # LABEL COMMAND…: runs the measurement (pair …) unless MEASURE leaves it out, prints its row
        [ -z "${MEASURE:-}" ] || grep -qE "$MEASURE" <<<"$1" || return 0
        local m=($("${@:2}")) r=-
        [ "${m[2]}" = - ] || r=$(ratio "${m[0]}" "${m[2]}")
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$contacts" "$shape" "$backend" "$1" "${m[0]}" \
            "${m[2]}" "$r" "${TARGET:--}" "$(target_met "${TARGET:-}" "${m[0]}" "$r")" "$(( m[1] / 1024 ))" \
            "$( [ "${m[2]}" != - ] && echo $(( m[3] / 1024 )) || echo -)" \
            "$( [ $(( m[1] / 1024 )) -le "$rss_target" ] && echo yes || echo NO)"
    }
    TARGET="ratio<=1.0" row "check-quota --all --format json vs per-customer-channel count SQL" \
        pair "$bin/check-quota --db $db --all --month $month --as-of $last --format json" "sqlite3 $base \"$count_sql\""
    TARGET="ratio<=1.0" row "report --month --format json vs the same SQL" \
        pair "$bin/report --db $db --month $month --as-of $last --format json" "sqlite3 $base \"$count_sql\""
    row "check-quota --all (table) vs the same SQL" \
        pair "$bin/check-quota --db $db --all --month $month --as-of $last" "sqlite3 $base \"$count_sql\""
    row "report --by customer (table) vs the same SQL" \
        pair "$bin/report --db $db --month $month --as-of $last --by customer" "sqlite3 $base \"$count_sql\""
    TARGET="s<=0.010" row "check-quota --rep (one rep)" \
        pair "$bin/check-quota --db $db --rep $rep --month $month --as-of $last" ""
    TARGET="s<=0.010" row "remind --rep (one rep)" pair "$bin/remind --db $db --rep $rep --as-of 2026-10-20" ""
    TARGET="s<=0.050" row "plan --rep, the month planned (one rep) vs check-quota --rep" \
        pair "$bin/plan --db $db --rep $rep --from 2026-10-20" "$bin/check-quota --db $db --rep $rep --month 2026-10 --as-of 2026-10-20"
    # The commands that read the most, for their peak RSS (issue 23 target 4).
    row "report --from --to, six months (table, RSS)" \
        pair "$bin/report --db $db --from 2026-05 --to $month --as-of $last" ""
    row "report --from --to --by customer, six months (table, RSS)" \
        pair "$bin/report --db $db --from 2026-05 --to $month --as-of $last --by customer" ""
    row "report --from --to --by customer, six months (xlsx, RSS)" \
        pair "$bin/report --db $db --from 2026-05 --to $month --as-of $last --by customer --format xlsx -o $dir/bench-report.xlsx" ""
    row "check-quota --all --format xlsx (RSS)" \
        pair "$bin/check-quota --db $db --all --month $month --as-of $last --format xlsx -o $dir/bench-check.xlsx" ""
    row "remind --all (text, RSS)" pair "$bin/remind --db $db --all --as-of 2026-10-20" ""
    row "roster list (RSS)" pair "$bin/roster --db $db list" ""
    row "log-visit --list a month --format csv (RSS)" \
        pair "$bin/log-visit --db $db --list --from $month-01 --to $last --format csv" ""
    TARGET="s<=0.010" COPY_OF=$db row "log-visit one contact vs sqlite3 INSERT" \
        pair "KEQING_NOW=2026-11-02T09:00 $bin/log-visit --db \$COPY $code --call --rep $rep --note bench" \
            "sqlite3 \$COPY \"INSERT INTO contacts (customer_id, channel, happened_on, rep_id, logged_at) VALUES (8, 'call', '2026-11-02', '$rep', '2026-11-02T09:00')\""
    runs=$import_runs COPY_OF=$db row "log-visit --import $rows contacts vs sqlite3 .import + INSERT…SELECT" \
        pair "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv" \
            "sqlite3 \$COPY < $import_sql_file"
    TARGET="ratio<=2.5" runs=$import_runs COPY_OF=$empty row "log-visit --import $rows contacts, no contacts before, vs sqlite3 .import into a bare table + one index" \
        pair "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv" \
            "sqlite3 \$COPY < $bare_sql_file"
    TARGET="ratio<=2.5" runs=$import_runs COPY_OF=$db row "log-visit --import $rows contacts vs sqlite3 .import into a bare table + one index" \
        pair "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv" \
            "sqlite3 \$COPY < $bare_sql_file"
    stored_sql=$dir/import-stored-sorted.sql
    [ $((rows * 2)) -lt "$contacts" ] || stored_sql=$dir/import-stored-rebuilt.sql
    runs=$import_runs COPY_OF=$db BASE_COPY_OF=$stored row "log-visit --import $rows contacts vs sqlite3 adding them to the stored contacts (a bare table, one index)" \
        pair "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv" \
            "sqlite3 \$COPY < $stored_sql"
    [ -n "$pg" ] || continue

    # The same data and commands on PostgreSQL.
    backend=PostgreSQL
    pdb=bench_$n${suffix/-/_}
    if [ "$(psql -qAt "$pg/postgres" -c "SELECT count(*) FROM pg_database WHERE datname = '$pdb'")" = 0 ]; then
        psql -qX "$pg/postgres" -v db="$pdb" -v owner=postgres -f "$(dirname "$0")/../schemas/pg_bootstrap.sql"
        "$(dirname "$0")/pg_load.sh" "$bin" "$db" "$pg/$pdb" >/dev/null
    fi
    url=$pg/$pdb
    TARGET="ratio<=1.0" row "check-quota --all --format json vs per-customer-channel count SQL" \
        pair "$bin/check-quota --db $url --all --month $month --as-of $last --format json" "psql -qAt $url -c \"$count_sql\""
    TARGET="ratio<=1.0" row "report --month --format json vs the same SQL" \
        pair "$bin/report --db $url --month $month --as-of $last --format json" "psql -qAt $url -c \"$count_sql\""
    TARGET="s<=0.020" row "check-quota --rep (one rep)" pair "$bin/check-quota --db $url --rep $rep --month $month --as-of $last" ""
    TARGET="s<=0.020" row "remind --rep (one rep)" pair "$bin/remind --db $url --rep $rep --as-of 2026-10-20" ""
    TARGET="s<=0.050" row "plan --rep, the month planned (one rep) vs check-quota --rep" \
        pair "$bin/plan --db $url --rep $rep --from 2026-10-20" "$bin/check-quota --db $url --rep $rep --month 2026-10 --as-of 2026-10-20"
    # One contact is logged into a database in use, as a team's is: one copy for the row, each run adding a
    # contact to it. On a copy made a moment before, the first connections found neither its catalog nor its
    # tables in the server's caches: 27-32 ms as the rep's login where the long-lived database took 21.
    TARGET="s<=0.020" PG_COPY_ONCE=$pdb row "log-visit one contact vs psql INSERT" \
        pair "KEQING_NOW=2026-11-02T09:00 $bin/log-visit --db \$COPY $code --call --rep $rep --note bench" \
            "psql -qAt \$COPY -c \"INSERT INTO contacts (customer_id, channel, happened_on, rep_id, logged_at) VALUES (8, 'call', '2026-11-02', '$rep', '2026-11-02T09:00')\""
    # The real case on a team server: the rep connects as its own login and reads through keqing_api.
    psql -q "$pg/postgres" -c "DO \$\$ BEGIN CREATE ROLE $rep LOGIN IN ROLE keqing_rep; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$"
    rep_url=${pg/postgres@/$rep@}
    TARGET="s<=0.020" row "check-quota --rep (one rep, as its login)" \
        pair "$bin/check-quota --db $rep_url/$pdb --rep $rep --month $month --as-of $last" ""
    TARGET="s<=0.020" row "remind --rep (one rep, as its login)" \
        pair "$bin/remind --db $rep_url/$pdb --rep $rep --as-of 2026-10-20" ""
    TARGET="s<=0.020" PG_COPY_ONCE=$pdb row "log-visit one contact (as the rep's login)" \
        pair "KEQING_NOW=2026-11-02T09:00 $bin/log-visit --db $rep_url/bench_copy $code --call --rep $rep --note bench" ""
    runs=$import_runs PG_COPY_OF=$pdb row "log-visit --import $rows contacts vs psql \\copy + INSERT…SELECT" \
        pair "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv" \
            "psql -q \$COPY -f $dir/import-pg.sql"
    psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS bench_copy"
done
done
rm -f "$dir/copy.db"*
echo
[ -z "$pg" ] || echo "PostgreSQL: $(psql -qAt "$pg/postgres" -c 'SHOW server_version'), default settings but fsync on, on the same machine (Unix socket)"
echo "Core speeds (the same work on each core, lower is faster): before $speeds_before; after $(cpu_speeds)"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); sqlite $(sqlite3 --version | cut -d' ' -f1); $(date +%F); median of $runs runs ($import_runs for imports), interleaved"
