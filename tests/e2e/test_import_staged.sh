#!/usr/bin/env bash
# End-to-end: a large import into a database holding more than twice as many contacts is staged on SQLite
# (lib/store/sqlite_load.cpp) — its rows held in a temporary table and stored at the end sorted by customer
# and day — and stores exactly what the same rows imported in small files (row by row) store: the same
# contacts, the same count, refs stored already left out and counted, and nothing at all when a row fails
# or with --dry-run. The staged rows' numbers follow customer and day; row by row they follow the file.
source "$(dirname "$0")/lib.sh"
sqlite_only "SQLite's staged load"
[ -x "$BIN/keqing-gen" ] || { echo "keqing-gen is not built"; exit 1; }
export KEQING_NOW=2026-11-25T09:00

# 500 customers with a year of contacts (about 31,000), and 11,000 more to import: at least the 10,000 rows
# a load needs to be staged, and less than half the contacts stored (more would rebuild the indexes).
"$BIN/keqing-gen" "$WORK/g.db" 500 --import-csv "$WORK/imp.csv" --import-rows 11000 >/dev/null 2>&1 ||
  { echo "keqing-gen failed"; exit 1; }
before=$(sqlite3 "$WORK/g.db" "SELECT count(*), max(id) FROM contacts")
stored=${before%|*} last=${before#*|}
[ "$stored" -gt 22000 ] || { echo "only $stored contacts generated"; exit 1; }
# The same rows in two files of 5,500: each too small to be staged.
{ head -1 "$WORK/imp.csv"; sed -n '2,5501p' "$WORK/imp.csv"; } >"$WORK/part1.csv"
{ head -1 "$WORK/imp.csv"; sed -n '5502,$p' "$WORK/imp.csv"; } >"$WORK/part2.csv"
for db in staged direct refs failed dry; do cp "$WORK/g.db" "$WORK/$db.db"; done

# new_rows DB: the imported contacts, every stored column but the number, in one order.
new_rows() {
  sqlite3 "$WORK/$1.db" "SELECT customer_id, channel, happened_on, happened_at, rep_id, note, gift, occasion,
    feedback, preference, favour, family, competitor, slow_mover, asked_help, solved, training, logged_at,
    voided_at, flags, lag, ref FROM contacts WHERE id > $last ORDER BY 1, 2, 3, 4, 5, 6"
}
# out_of_order DB: how many imported contacts have a smaller customer (or an earlier day of the same one)
# than the contact numbered just before them.
out_of_order() {
  sqlite3 "$WORK/$1.db" "SELECT count(*) FROM (SELECT customer_id AS c, happened_on AS d, lag(customer_id)
    OVER (ORDER BY id) AS pc, lag(happened_on) OVER (ORDER BY id) AS pd FROM contacts WHERE id > $last)
    WHERE c < pc OR (c = pc AND d < pd)"
}

run "$BIN/log-visit" --db "$WORK/staged.db" --import "$WORK/imp.csv"; expect_rc 0 "the large import ran"
expect_out "imported 11000 contacts" "it says all 11,000 were imported"
run "$BIN/log-visit" --db "$WORK/direct.db" --import "$WORK/part1.csv"; expect_rc 0 "the first half ran"
run "$BIN/log-visit" --db "$WORK/direct.db" --import "$WORK/part2.csv"; expect_rc 0 "the second half ran"
if [ "$(new_rows staged | sha256sum)" = "$(new_rows direct | sha256sum)" ] && [ -n "$(new_rows staged)" ]; then
  pass; else fail "the staged import stored other contacts than the same rows row by row"; fi
if [ "$(out_of_order staged)" -eq 0 ]; then pass; else fail "staged: $(out_of_order staged) rows out of customer/day order"; fi
if [ "$(out_of_order direct)" -gt 0 ]; then pass; else fail "row by row the numbers should follow the file"; fi
if [ "$(sqlite3 "$WORK/staged.db" "PRAGMA integrity_check")" = ok ]; then pass; else fail "integrity_check"; fi
if [ "$(sqlite3 "$WORK/staged.db" "SELECT rows FROM imports")" = 11000 ]; then pass; else fail "imports.rows"; fi

# With refs: imported again, every row's ref is stored already — all left out, and counted so.
awk -F, 'NR == 1 { print $0 ",ref"; next } { print $0 ",R" NR }' "$WORK/imp.csv" >"$WORK/refs.csv"
run "$BIN/log-visit" --db "$WORK/refs.db" --import "$WORK/refs.csv"; expect_out "imported 11000 contacts" "refs imported"
run "$BIN/log-visit" --db "$WORK/refs.db" --import "$WORK/refs.csv" --again; expect_rc 0 "imported again"
expect_out "imported 0 contacts" "none imported twice"
expect_out "11000 left out" "the rows left out are counted"
if [ "$(sqlite3 "$WORK/refs.db" "SELECT count(*) FROM contacts")" = $((stored + 11000)) ]; then pass; else
  fail "refs: $(sqlite3 "$WORK/refs.db" "SELECT count(*) FROM contacts") contacts"; fi
if [ "$(sqlite3 "$WORK/refs.db" "SELECT group_concat(rows) FROM (SELECT rows FROM imports ORDER BY id)")" = "11000,0" ]
then pass; else fail "refs: the imports record other counts"; fi

# A bad row near the end: nothing is stored. --dry-run: nothing is stored.
sed '10500s/^C[0-9]*,/NOSUCH,/' "$WORK/imp.csv" >"$WORK/bad.csv"
run "$BIN/log-visit" --db "$WORK/failed.db" --import "$WORK/bad.csv"; expect_rc 3 "a bad row fails the import"
expect_err "bad.csv:10500" "the error names the row"
if [ "$(sqlite3 "$WORK/failed.db" "SELECT count(*) FROM contacts")" = "$stored" ]; then pass; else
  fail "a failed staged import stored contacts"; fi
run "$BIN/log-visit" --db "$WORK/dry.db" --import "$WORK/imp.csv" --dry-run; expect_rc 0 "a dry run"
if [ "$(sqlite3 "$WORK/dry.db" "SELECT count(*) FROM contacts")" = "$stored" ]; then pass; else
  fail "a dry run stored contacts"; fi

finish
