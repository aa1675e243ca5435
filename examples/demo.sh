#!/usr/bin/env bash
# `make demo`: loads examples/ (3 reps, 40 Hangzhou pharmacies, their people and life events, November
# 2026 contacts) into a fresh database under build/, prints the month's check for every customer as of
# 2026-11-20, and one rep's reminder digest.
set -euo pipefail
bin=${1:-build/bin}
here=$(cd "$(dirname "$0")" && pwd)
export KEQING_DB=${KEQING_DB:-$(cd "$here/.." && pwd)/build/demo.db}
rm -f "$KEQING_DB" "$KEQING_DB-wal" "$KEQING_DB-shm"

echo "== loading examples/ into $KEQING_DB"
"$bin/roster" rep import "$here/reps.csv"
"$bin/roster" import "$here/customers.csv"
"$bin/roster" person import "$here/people.csv"
KEQING_NOW=2026-11-20T20:00 "$bin/roster" event import "$here/events.csv"
# The contacts are logged the evening of 2026-11-20 (KEQING_NOW fixes the clock for the demo).
KEQING_NOW=2026-11-20T20:00 "$bin/log-visit" --import "$here/contacts.csv"

echo
echo "== check-quota --all --month 2026-11 --as-of 2026-11-20"
status=0
"$bin/check-quota" --all --month 2026-11 --as-of 2026-11-20 || status=$?
echo
echo "(check-quota exited $status: 1 means something is owed — what cron acts on)"

echo
echo "== remind --rep wang --as-of 2026-11-20 (the digest cron mails each morning)"
"$bin/remind" --rep wang --as-of 2026-11-20 || true
