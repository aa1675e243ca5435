# End-to-end: a whole-company read runs itself again once with glibc's huge-page malloc
# (GLIBC_TUNABLES glibc.malloc.hugetlb=1, apps/common/huge_pages.cpp), prints the same, and keeps the
# user's own tunables; one rep's, a team's and a customer's commands run once, as they are. So does an import
# of a megabyte or more (log-visit --import), a smaller one runs once.
source "$(dirname "$0")/lib.sh"
command -v strace >/dev/null || { echo "strace is not installed (make deps installs it)"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }

# LeakSanitizer cannot run under ptrace: in the sanitizer build it would fail every traced command's exit
# (the tunables' checks compare GLIBC_TUNABLES only, so this variable changes nothing they look at).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# traced NAME CMD ARGS…: runs under strace, keeping stdout in $WORK/out and the execve calls in $WORK/NAME.
traced() {
  local name=$1; shift
  strace -f -v -s 300 -e trace=execve -o "$WORK/$name" "$@" </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
}
# runs NAME N: the command traced as NAME started its executable N times.
runs() {
  local n; n=$(grep -c 'execve(' "$WORK/$1")
  if [ "$n" -eq "$2" ]; then pass; else fail "$1: $n runs of the executable, expected $2"; cat "$WORK/$1" >&2; fi
}
# tunables NAME TEXT: the last run of the command traced as NAME had GLIBC_TUNABLES=TEXT.
tunables() {
  if grep 'execve(' "$WORK/$1" | tail -1 | grep -qF "\"GLIBC_TUNABLES=$2\""; then pass
  else fail "$1: last run without GLIBC_TUNABLES=$2"; grep 'execve(' "$WORK/$1" >&2; fi
}

for cmd in "check-quota --all --as-of 2026-11-20 --format json" "report --month 2026-11 --as-of 2026-11-20 --format json" \
  "remind --all --as-of 2026-11-20 --format json"; do
  name=${cmd%% *}
  traced "$name" $cmd; runs "$name" 2; tunables "$name" "glibc.malloc.hugetlb=1"
  cp "$WORK/out" "$WORK/$name.again"
  GLIBC_TUNABLES=glibc.malloc.hugetlb=0 traced "$name-set" $cmd; runs "$name-set" 1
  if cmp -s "$WORK/out" "$WORK/$name.again"; then pass; else fail "$name prints the same run again or not"; fi
done

# The user's tunables are kept, the setting added after them.
GLIBC_TUNABLES=glibc.malloc.check=0 traced kept check-quota --all --as-of 2026-11-20
runs kept 2; tunables kept "glibc.malloc.check=0:glibc.malloc.hugetlb=1"
expect_rc 1 "check-quota --all run again keeps its exit status (behind customers)"

# An import of a file of a megabyte or more runs again on huge pages and stores every row; a small one runs once.
note=$(printf '补录%.0s' $(seq 60))
{ echo "customer,channel,date,time,rep,note"
  for i in $(seq 3000); do echo "HZ001,call,2026-11-$(printf %02d $((i % 19 + 1))),10:00,wang,$i $note"; done
} >"$WORK/big.csv"
[ "$(stat -c %s "$WORK/big.csv")" -ge 1048576 ] && pass || fail "big.csv is under a megabyte"
KEQING_NOW=2026-11-20T20:00 traced import-big log-visit --import "$WORK/big.csv"; runs import-big 2
tunables import-big "glibc.malloc.hugetlb=1"; expect_out "imported 3000 contacts" "a big import on huge pages"
head -3 "$WORK/big.csv" | sed 's/,10:00,/,11:00,/' >"$WORK/small.csv"
KEQING_NOW=2026-11-20T20:00 traced import-small log-visit --import "$WORK/small.csv"; runs import-small 1
expect_out "imported 2 contacts" "a small import runs once"

# Narrower reads run once.
traced rep check-quota --rep wang --as-of 2026-11-20; runs rep 1; expect_out "HZ001" "one rep's check-quota"
traced team report --team 华东二组 --month 2026-11 --as-of 2026-11-20; runs team 1
traced remind-rep remind --rep wang --as-of 2026-11-20; runs remind-rep 1
traced customer check-quota --customer HZ001 --as-of 2026-11-20; runs customer 1
# A usage error is reported before anything runs again.
traced bad check-quota --all --rep wang --as-of 2026-11-20; runs bad 1; expect_rc 2 "two scopes: a usage error"
finish
