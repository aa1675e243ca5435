#!/usr/bin/env bash
# Measures keqing against the plain sqlite3 shell on the same database, at several scales, and prints a
# markdown table of times, ratios and peak memory. Not a test: run it by hand (`make bench`).
#   bench/run.sh [BIN_DIR] [SCALES…]        e.g. bench/run.sh build/bin 20000 60000 200000
# Environment: BENCH_DIR (default /tmp/keqing-bench) for the generated databases; IMPORT_ROWS (1000000).
set -euo pipefail
bin=$(cd "${1:-build/bin}" && pwd)
shift || true
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(20000 60000 200000)
dir=${BENCH_DIR:-/tmp/keqing-bench}
rows=${IMPORT_ROWS:-1000000}
runs=${RUNS:-3}
mkdir -p "$dir"
month=2026-10 first=2026-10-01 last=2026-10-31

# median wall time (s) and peak RSS (KB) of a command over $runs runs: prints "SECONDS KB"
measure() {
  local times=() peak=0 out
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$dir/time.txt")
    times+=("${out% *}")
    [ "${out#* }" -gt "$peak" ] && peak=${out#* }
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$peak"
}
# like measure, but each run on a fresh copy of the database (for writes); the copy is not timed
measure_write() { # DB CMD… (CMD uses $COPY)
  local db=$1 times=() peak=0 out
  shift
  for _ in $(seq "$runs"); do
    cp "$db" "$dir/copy.db" && sync
    COPY=$dir/copy.db /usr/bin/time -f "%e %M" -o "$dir/time.txt" bash -c "$*" >/dev/null 2>&1 || true
    out=$(tail -1 "$dir/time.txt")
    times+=("${out% *}")
    [ "${out#* }" -gt "$peak" ] && peak=${out#* }
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$peak"
}
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }

# the hand-written equivalent of log-visit --import: load the CSV, then insert it resolving customer codes
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

echo "| customers | contacts | measurement | keqing s | sqlite3 s | ratio | keqing peak RSS MB |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for n in "${scales[@]}"; do
  db=$dir/keqing-$n.db
  if [ ! -f "$db" ]; then
    "$bin/keqing-gen" "$db" "$n" --import-csv "$dir/import.csv" --import-rows "$rows" >&2
  else
    "$bin/keqing-gen" "$dir/scratch.db" 1 --import-csv "$dir/import.csv" --import-rows "$rows" >/dev/null 2>&1 || true
    rm -f "$dir/scratch.db"*
  fi
  contacts=$(sqlite3 "$db" "select count(*) from contacts")
  rep=$(sqlite3 "$db" "select id from reps order by id limit 1 offset 7")
  row() { # LABEL KEQING(s kb) BASE(s kb)
    local k=($2) b=($3)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$contacts" "$1" "${k[0]}" "${b[0]:--}" \
      "$( [ -n "${b[0]:-}" ] && ratio "${k[0]}" "${b[0]}" || echo -)" "$(( k[1] / 1024 ))"
  }
  base=$(measure sqlite3 "$db" "$count_sql")
  row "check-quota --all vs per-customer-channel count SQL" "$(measure "$bin/check-quota" --db "$db" --all --month $month --as-of $last --format json)" "$base"
  row "report --month vs the same SQL" "$(measure "$bin/report" --db "$db" --month $month --as-of $last --format json)" "$base"
  row "check-quota --rep (one rep, target < 0.05 s)" "$(measure "$bin/check-quota" --db "$db" --rep "$rep" --month $month --as-of $last)" ""
  row "remind --rep (one rep, target < 0.05 s)" "$(measure "$bin/remind" --db "$db" --rep "$rep" --as-of 2026-10-20)" ""
  row "log-visit one contact vs sqlite3 INSERT (target < 0.05 s)" \
    "$(measure_write "$db" "KEQING_NOW=2026-11-02T09:00 $bin/log-visit --db \$COPY C0000008 --call --rep $rep --note bench")" \
    "$(measure_write "$db" "sqlite3 \$COPY \"INSERT INTO contacts (customer_id, channel, happened_on, rep_id, logged_at) VALUES (8, 'call', '2026-11-02', '$rep', '2026-11-02T09:00')\"")"
  if [ "$n" = "${scales[0]}" ] || [ "${IMPORT_EVERY_SCALE:-0}" = 1 ]; then
    row "log-visit --import $rows contacts vs sqlite3 .import + INSERT…SELECT" \
      "$(measure_write "$db" "KEQING_NOW=2026-11-25T09:00 $bin/log-visit --db \$COPY --import $dir/import.csv")" \
      "$(measure_write "$db" "sqlite3 \$COPY < $import_sql_file")"
  fi
done
rm -f "$dir/copy.db"*
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); sqlite $(sqlite3 --version | cut -d' ' -f1); $(date +%F); median of $runs runs"
