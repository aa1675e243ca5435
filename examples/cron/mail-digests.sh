#!/usr/bin/env bash
# Writes today's digests (one file per rep with something due) and mails each to its rep; the first
# line of a digest is its subject. Rep addresses come from reps.txt ("wang wang@example.com").
set -euo pipefail
out=${1:-/var/spool/keqing}
book=${KEQING_ADDRESSES:-/etc/keqing/reps.txt}
rm -rf "$out/today" && mkdir -p "$out/today"
status=0
remind --all --output-dir "$out/today" || status=$?      # 0 nothing due, 1 digests written
[ "$status" -le 1 ] || exit "$status"                    # 2-4: a real error, cron mails stderr
for file in "$out"/today/*.txt; do
  [ -e "$file" ] || continue
  rep=$(basename "$file" .txt)
  to=$(awk -v r="$rep" '$1 == r { print $2 }' "$book")
  [ -n "$to" ] || { echo "no address for rep $rep in $book" >&2; continue; }
  subject=$(head -1 "$file" | sed 's/^Subject: //')
  tail -n +3 "$file" | mail -s "$subject" "$to"
done
