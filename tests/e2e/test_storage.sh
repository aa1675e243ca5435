# End-to-end: the database file itself — created 0600 whatever the umask; damaged files, files that are
# not databases, read-only files and folders each give one clear exit-4 line and change nothing.
source "$(dirname "$0")/lib.sh"
sqlite_only "the database file itself: modes, damage, read-only files"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
file_hash() { sha256sum "$1" | cut -d' ' -f1; }

# Root ignores file permissions; drop the capabilities that let it, so read-only means read-only.
UNPRIV=()
if [ "$(id -u)" -eq 0 ]; then
  UNPRIV=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search --)
fi

# New files are 0600 even under umask 000.
(umask 000 && roster rep add wang --name 王强 --team east >/dev/null)
[ "$(stat -c %a "$KEQING_DB")" = 600 ] && pass || fail "new database mode $(stat -c %a "$KEQING_DB"), expected 600"
rm -f "$KEQING_DB"*

# A database in folders that do not exist yet, under umask 000: each folder keqing makes is 0700 (one
# that exists keeps its mode), the database, -wal and -shm 0600. The -wal and -shm live only while a
# connection is open: `roster rep import` opens and migrates the database before it reads its file, here
# a FIFO, so they are checked while it waits for the rows.
NEW=$WORK/new/deeper/k.db
chmod 0711 "$WORK"
mkfifo "$WORK/reps.fifo"
(umask 000 && KEQING_DB=$NEW exec roster rep import "$WORK/reps.fifo" >"$WORK/import.out" 2>&1) &
importer=$!
for _ in $(seq 100); do [ -e "$NEW-wal" ] && [ -e "$NEW-shm" ] && break; sleep 0.1; done
modes=$(cd "$WORK" && stat -c '%n %a' new new/deeper new/deeper/k.db new/deeper/k.db-wal new/deeper/k.db-shm 2>&1)
timeout 10 bash -c 'printf "id,name,team\nzhao,赵敏,east\n" >"$1"' _ "$WORK/reps.fifo"
wait "$importer"
importer_rc=$?
expected=$'new 700\nnew/deeper 700\nnew/deeper/k.db 600\nnew/deeper/k.db-wal 600\nnew/deeper/k.db-shm 600'
[ "$modes" = "$expected" ] && pass || fail "modes under umask 000, expected 700 700 600 600 600: $(echo $modes)"
[ "$(stat -c %a "$WORK")" = 711 ] && pass || fail "the existing folder's mode changed to $(stat -c %a "$WORK")"
[ "$importer_rc" -eq 0 ] && grep -q "imported reps from .*: 1 added" "$WORK/import.out" && pass ||
  fail "the import into the new folders: exit $importer_rc, $(cat "$WORK/import.out")"
chmod 0700 "$WORK"
load_examples || { echo "could not load examples"; exit 1; }
[ "$(stat -c %a "$KEQING_DB")" = 600 ] && pass || fail "database mode after loading"
cp "$KEQING_DB" "$WORK/good.db"

# Damaged and foreign files: reading and writing both refuse, and the file is left as it was.
damage() { # KIND FILE
  case $1 in
    text) printf 'id,name\nwang,王强\n' >"$2" ;;
    truncated) truncate -s 70000 "$2" ;;
    header) printf 'this is not the SQLite header' | dd of="$2" bs=1 seek=0 conv=notrunc status=none ;;
    schema-page) yes 'garbled page' | head -c 3000 | dd of="$2" bs=1 seek=100 conv=notrunc status=none ;;
    data-pages) yes 'garbled page' | head -c 60000 | dd of="$2" bs=1 seek=12288 conv=notrunc status=none ;;
  esac
}
for kind in text truncated header schema-page data-pages; do
  bad=$WORK/$kind.db
  cp "$WORK/good.db" "$bad"
  damage "$kind" "$bad"
  before=$(file_hash "$bad")
  KEQING_DB=$bad run check-quota --all --as-of 2026-11-20
  expect_rc 4 "check-quota on a $kind file"
  expect_err "database $bad:" "check-quota on a $kind file names it"
  if grep -qE "not a keqing database or is damaged|not a database|malformed" "$WORK/err"; then pass
  else fail "check-quota on a $kind file: the message does not say it is damaged"; fi
  KEQING_DB=$bad run log-visit HZ001 --call
  expect_rc 4 "log-visit on a $kind file"
  expect_err "restore the file from a backup" "log-visit on a $kind file says what to do"
  [ "$(file_hash "$bad")" = "$before" ] && pass || fail "the $kind file was modified"
done

# A read-only database file: writes refuse with the reason, reads still work, nothing changes.
chmod 0444 "$KEQING_DB"
expect_rejected 4 "is read-only; make both writable" "log-visit on a read-only file" "${UNPRIV[@]}" log-visit HZ001 --call
expect_rejected 4 "is read-only" "import into a read-only file" "${UNPRIV[@]}" log-visit --import "$SRC/examples/contacts.csv" --again
run "${UNPRIV[@]}" check-quota --all --as-of 2026-11-20
[ "$rc" -le 1 ] && pass || fail "check-quota on a read-only file: exit $rc"
chmod 0600 "$KEQING_DB"

# A read-only folder: the -wal file cannot be created beside the database.
mkdir "$WORK/ro"
cp "$WORK/good.db" "$WORK/ro/k.db"
KEQING_DB=$WORK/ro/k.db snapshot # before the folder is read-only: sqlite3 itself could not read it then
chmod 0555 "$WORK/ro"
KEQING_DB=$WORK/ro/k.db run "${UNPRIV[@]}" log-visit HZ001 --call
expect_rc 4 "log-visit in a read-only folder"
expect_err "read-only" "log-visit in a read-only folder says why"
KEQING_DB=$WORK/ro/new.db run "${UNPRIV[@]}" roster rep add zhao
expect_rc 4 "a new database in a read-only folder"
expect_err "cannot create database $WORK/ro/new.db: Permission denied" "a new database in a read-only folder says why"
[ ! -e "$WORK/ro/new.db" ] && pass || fail "a file was created in the read-only folder"
chmod 0755 "$WORK/ro"
KEQING_DB=$WORK/ro/k.db expect_unchanged "log-visit in a read-only folder"
finish
