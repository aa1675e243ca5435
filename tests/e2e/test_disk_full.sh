# End-to-end: a full disk (a 1 MiB tmpfs mounted in a private mount namespace) makes imports and single
# contacts fail with one clear exit-4 line and nothing half-written; freeing space makes it work again.
# Needs root (or CAP_SYS_ADMIN) for the mount; elsewhere it reports itself skipped (exit 77).
if [ -z "${KEQING_MOUNT_NS:-}" ]; then
  if unshare -m true 2>/dev/null; then KEQING_MOUNT_NS=1 exec unshare -m bash "$0" "$@"; fi
  echo "test_disk_full: skipped: cannot create a mount namespace (needs root) to mount a small tmpfs"
  exit 77
fi
source "$(dirname "$0")/lib.sh"
sqlite_only "a full file system under the database file"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
mkdir "$WORK/full"
mount -t tmpfs -o size=1m keqing-full "$WORK/full" || { echo "test_disk_full: skipped: cannot mount tmpfs"; exit 77; }
trap 'umount "$WORK/full"; rm -rf "$WORK"' EXIT
export KEQING_DB=$WORK/full/k.db
load_examples || { echo "could not load examples"; exit 1; }
integrity() { [ "$(db_query "pragma integrity_check")" = ok ] && pass || fail "integrity after $1"; }

# An import larger than the free space: refused whole.
db_query "select code from customers where coalesce(opened_on, '') <= '2026-11-01' and closed_on is null" |
  awk 'BEGIN { print "customer,channel,date,note" } { c[n++] = $1 }
       END { for (i = 0; i < 30000; i++) printf "%s,call,2026-11-%02d,磁盘写满测试 %d\n", c[i % n], i % 19 + 1, i }' \
    >"$WORK/contacts.csv"
expect_rejected 4 "the disk is full; free space and try again (nothing was written)" "import onto a full disk" \
  log-visit --import "$WORK/contacts.csv"
integrity "a failed import"
awk 'BEGIN { print "code,name,tier,rep"; for (i = 0; i < 20000; i++) printf "DF%05d,磁盘写满药房%d,C,li\n", i, i }' \
  >"$WORK/customers.csv"
expect_rejected 4 "the disk is full" "roster import onto a full disk" roster import "$WORK/customers.csv"
integrity "a failed roster import"

# A disk with no room at all: even one contact is refused cleanly (checked once there is room to read).
snapshot
dd if=/dev/zero of="$WORK/full/filler" bs=4k status=none 2>/dev/null
run log-visit HZ001 --call --note 满
expect_rc 4 "one contact onto a full disk"
expect_err "the disk is full" "one contact onto a full disk says why"
rm -f "$WORK/full/filler"
expect_unchanged "one contact onto a full disk"
integrity "a failed single contact"

# Space freed: the database takes writes again.
run log-visit HZ001 --call --note 有空间了
expect_rc 0 "logging after space was freed"
[ "$(db_query "select count(*) from contacts where note = '有空间了'")" = 1 ] && pass || fail "contact after freeing space"
finish
