# End-to-end, PostgreSQL only: how keqing's reads end on the server. A read through a cursor runs in its own
# read-only transaction, begun with the cursor's first batch in one round trip; its COMMIT goes out in front
# of the connection's next request, or with the goodbye after the last. Every transaction a command opens
# must end as committed — none left for the server to roll back when the client goes — as the owner and as
# a rep's login, for one rep's reads (check-quota, remind, plan), the whole month (check-quota --all,
# report), a write after reads (log-visit) and a list longer than one batch (log-visit --list).
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = postgresql ] || { echo "test_pg_reads: PostgreSQL only; skipped"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
export KEQING_NOW=2026-11-20T20:00
pg_role wang keqing_rep

# The database's committed and rolled-back transactions so far ("COMMITS ROLLBACKS"), once every other
# session on it has gone (a backend reports its counts as it exits).
xacts() {
  local i
  for i in $(seq 50); do
    [ "$(psql -qAtX "$PG_BASE/postgres" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$PG_DB'")" = 0 ] && break
    sleep 0.1
  done
  psql -qAtX -F ' ' "$PG_BASE/postgres" -c "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = '$PG_DB'"
}

# RUN… (a command line, `as ROLE` allowed): exit 0 or 1, and no transaction of its rolled back.
ends_committed() { # DESCRIPTION CMD…
  local desc=$1 before after
  shift
  before=$(xacts)
  run "$@"
  if [ "$rc" -le 1 ] && [ -s "$WORK/out" ]; then pass; else fail "$desc: exit $rc or no output"; fi
  after=$(xacts)
  if [ "${after#* }" = "${before#* }" ]; then pass; else fail "$desc: rolled back $((${after#* } - ${before#* })) transaction(s)"; fi
  if [ "${after% *}" -gt "${before% *}" ]; then pass; else fail "$desc: committed nothing"; fi
}

M=(--month 2026-11 --as-of 2026-11-20)
for who in owner wang; do
  by=(); [ "$who" = wang ] && by=(as wang)
  ends_committed "$who: check-quota --rep" "${by[@]}" check-quota --rep wang "${M[@]}"
  ends_committed "$who: remind --rep" "${by[@]}" remind --rep wang --as-of 2026-11-20
  ends_committed "$who: plan --rep" "${by[@]}" plan --rep wang --from 2026-11-20
  ends_committed "$who: log-visit one contact" "${by[@]}" log-visit HZ001 --call --rep wang --note "reads $who"
done
ends_committed "owner: check-quota --all" check-quota --all "${M[@]}" --format json
ends_committed "owner: report --month" report --month 2026-11 --as-of 2026-11-20 --format json

# A list longer than one batch (20,000 rows a FETCH): every row once, and the read ends committed.
python3 - "$WORK/long.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("customer,channel,date,time,rep,note\n")
    for i in range(20500):
        f.write(f"HZ001,call,2026-10-{1 + i % 28:02d},09:00,wang,long {i}\n")
PY
run log-visit --import "$WORK/long.csv"; expect_rc 0 "20,500 contacts imported"
total=$(db_query "SELECT count(*) FROM contacts WHERE happened_on BETWEEN '2026-10-01' AND '2026-10-31'")
ends_committed "owner: log-visit --list, more than one batch" log-visit --list --from 2026-10-01 --to 2026-10-31 --format csv
lines=$(($(wc -l <"$WORK/out") - 1))
if [ "$lines" = "$total" ] && [ "$(tail -n +2 "$WORK/out" | sort | uniq -d | wc -l)" = 0 ]; then pass; else
  fail "the long list: $lines rows, $total in the database"; fi
finish
