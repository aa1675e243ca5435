#!/usr/bin/env bash
# Regenerates the test reference data, the C++ table and the cross-check report (needs node/npm, and
# libicu-dev + g++ for the optional ICU column). Run from anywhere: bash tools/calendar/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-fund --no-audit
node gen_reference.js                 # tests/data/lunar_months.csv, tests/data/festivals.csv (lunar-javascript)
node gen_table.js                     # lib/calendar/lunar_table.inc, out/table_months.csv (astronomy-engine)
if g++ -std=c++20 -O1 icu_months.cpp -o out/icu_months -licui18n -licuuc 2>/dev/null; then
  ./out/icu_months > out/icu_months.csv && rm -f out/icu_months
else
  echo "ICU not available (apt-get install libicu-dev): compare.js skips the icu72 column" >&2
fi
node near_midnight.js 10 > /dev/null  # out/near_midnight.csv
node compare.js > out/compare.txt     # every month on which any two sources disagree
head -2 out/compare.txt
