#!/usr/bin/env bash
# `make demo`: loads examples/ (3 reps, 40 Hangzhou pharmacies, their people and life events, November
# 2026 contacts) into a fresh database under build/, prints the month's check for every customer as of
# 2026-11-20, and one rep's reminder digest. Installed (/usr/share/keqing/examples/demo.sh) it runs the
# installed keqing-TOOL executables on a database in a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/../CMakeLists.txt" ]; then # a source tree: the build's plain names
  bin=${1:-build/bin}
  export KEQING_DB=${KEQING_DB:-$(cd "$here/.." && pwd)/build/demo.db}
else
  bin=${1:-/usr/bin}
  if [ -z "${KEQING_DB:-}" ]; then
    demo_dir=$(mktemp -d)
    trap 'rm -rf "$demo_dir"' EXIT
    export KEQING_DB=$demo_dir/demo.db
  fi
fi
rm -f "$KEQING_DB" "$KEQING_DB-wal" "$KEQING_DB-shm"
# A tool by its installed name (/usr/bin/keqing-remind: /usr/bin/remind may be Debian's calendar) or
# its plain one (build/bin/remind).
tool() {
  local name=$1
  shift
  if [ -x "$bin/keqing-$name" ]; then "$bin/keqing-$name" "$@"; else "$bin/$name" "$@"; fi
}

echo "== loading examples/ into $KEQING_DB"
tool roster rep import "$here/reps.csv"
tool roster import "$here/customers.csv"
tool roster person import "$here/people.csv"
KEQING_NOW=2026-11-20T20:00 tool roster event import "$here/events.csv"
# The contacts are logged the evening of 2026-11-20 (KEQING_NOW fixes the clock for the demo).
KEQING_NOW=2026-11-20T20:00 tool log-visit --import "$here/contacts.csv"

echo
echo "== check-quota --all --month 2026-11 --as-of 2026-11-20"
status=0
tool check-quota --all --month 2026-11 --as-of 2026-11-20 || status=$?
echo
echo "(check-quota exited $status: 1 means something is owed — what cron acts on)"

echo
echo "== remind --rep wang --as-of 2026-11-20 (the digest cron mails each morning)"
tool remind --rep wang --as-of 2026-11-20 || true
