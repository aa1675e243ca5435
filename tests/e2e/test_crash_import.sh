# End-to-end: imports killed with SIGKILL at points spread over their run leave the database exactly as
# before (same .dump, integrity_check ok) — or, when the kill lands after the commit, with the whole
# import; never part of it — and a later import completes whole.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
: >"$WORK/out"
count() { db_query "select count(*) from $1"; }
now_ms() { date +%s%3N; }

# 50,000 contacts over the customers active all November, and 20,000 new customers (a fifth of that on
# PostgreSQL, where each row is a round trip to the server: the kills land the same).
contacts=50000 customers=20000
if [ "$BACKEND" = postgresql ]; then contacts=10000 customers=4000; fi
db_query "select code from customers where coalesce(opened_on, '') <= '2026-11-01' and closed_on is null" |
  awk -v rows="$contacts" 'BEGIN { print "customer,channel,date,note,feedback" } { c[n++] = $1 }
       END { split("visit call message", ch, " ")
             for (i = 0; i < rows; i++)
               printf "%s,%s,2026-11-%02d,\"导入 #%d, 备注\",反馈%d\n", c[i % n], ch[i % 3 + 1], i % 19 + 1, i, i }' \
    >"$WORK/contacts.csv"
# customers_file ROUND: new customers whose codes are the round's own, so that a round that finishes adds
# them all even after an earlier round's finished (a roster import of codes already there adds none).
customers_file() {
  awk -v rows="$customers" -v round="$1" 'BEGIN { print "code,name,tier,rep,opened_on,closed_on,phone,address,stage"
       for (i = 0; i < rows; i++) printf "CR%02d%05d,压测药房%d,B,li,2026-01-01,,0571-0000,\"杭州市, %d号\",\n", round, i, i, i }' \
    >"$WORK/customers.csv"
}
customers_file 0

# kill_rounds N TABLE ROWS CMD…: runs CMD N times, each killed with SIGKILL after a delay spread over the
# time a dry run takes; a killed run must leave the database unchanged, a finished one must add ROWS.
# $before_round, when set, is run with the round's number before each round.
before_round=
kill_rounds() {
  local rounds=$1 table=$2 rows=$3 start took delay status killed=0 i
  shift 3
  took=
  for i in 1 2; do # the faster of two dry runs: how long a run takes here, bar the commit
    start=$(now_ms)
    "$@" --dry-run >/dev/null 2>&1 || { fail "dry run of $*"; return; }
    [ -z "$took" ] || [ $(($(now_ms) - start)) -lt "$took" ] && took=$(($(now_ms) - start))
  done
  for i in $(seq 1 "$rounds"); do
    [ -z "$before_round" ] || "$before_round" "$i"
    snapshot
    before=$(count "$table")
    delay=$((took * i / (rounds + 2) + RANDOM % 5))
    "$@" >/dev/null 2>"$WORK/err" &
    local pid=$!
    sleep "$(awk "BEGIN { print $delay / 1000 }")"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    status=$?
    if [ "$status" -eq 137 ] && [ "$(count "$table")" -eq $((before + rows)) ]; then
      pass # killed after its commit, before it exited (a loaded machine): whole, which is fine too
    elif [ "$status" -eq 137 ]; then
      killed=$((killed + 1))
      expect_unchanged "$1 killed after ${delay} ms"
    elif [ "$status" -eq 0 ]; then
      [ "$(count "$table")" -eq $((before + rows)) ] && pass || fail "$1 finished before the kill but rows are missing"
    else
      fail "$1 exited $status before the kill"
    fi
    if [ "$BACKEND" = sqlite ]; then
      [ "$(db_query "pragma integrity_check")" = ok ] && pass || fail "integrity after kill $i"
    fi
  done
  # A kill that never lands mid-import proves nothing: most of them must.
  [ "$killed" -ge $((rounds / 2)) ] && pass || fail "$1: only $killed of $rounds kills landed mid-import"
  echo "$1: $killed of $rounds runs killed mid-import (a full run takes ~${took} ms)"
}

kill_rounds 12 contacts "$contacts" log-visit --import "$WORK/contacts.csv" --again # the same file every round
before_round=customers_file kill_rounds 6 customers "$customers" roster import "$WORK/customers.csv"

# After all the kills the database takes a whole import.
before=$(count contacts)
run log-visit --import "$WORK/contacts.csv" --again
expect_rc 0 "import after the kills"
[ "$(count contacts)" -eq $((before + contacts)) ] && pass || fail "import after the kills stored $(($(count contacts) - before))"
finish
