# End-to-end: contact imports that can run again (issue 15). The same file imported twice — by hand, by two
# cron jobs at once — is stored once: the second is refused naming when the first was, unless --again; a
# `ref` column (the source system's id) makes overlapping exports import once. On PostgreSQL the same holds
# for a rep, whose imports go through keqing_api.
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
roster rep import "$SRC/examples/reps.csv" >/dev/null && roster import "$SRC/examples/customers.csv" >/dev/null ||
  { echo "could not load the roster"; exit 1; }
count() { db_query "SELECT count(*) FROM contacts"; }

# The same content twice: refused whole, naming the first import; --again imports it once more.
printf 'customer,channel,date,time,note\nHZ001,call,2026-11-19,09:30,第一次\nHZ004,visit,2026-11-18,10:00,\n' >"$WORK/a.csv"
run log-visit --import "$WORK/a.csv"; expect_rc 0 "first import"; expect_out "imported 2 contacts" "first import count"
expect_rejected 3 "this file was imported already on 2026-11-20 20:00 by wang (2 contacts, from $WORK/a.csv)" \
  "the same file again" log-visit --import "$WORK/a.csv"
expect_err "add --again to import it once more" "the refusal says how to force it"
cp "$WORK/a.csv" "$WORK/copy.csv"
expect_rejected 3 "this file was imported already" "the same content under another name" log-visit --import "$WORK/copy.csv"
expect_rejected 3 "this file was imported already" "a dry run says so too" log-visit --import "$WORK/a.csv" --dry-run
before=$(count)
run log-visit --import "$WORK/a.csv" --again; expect_rc 0 "--again"; expect_out "imported 2 contacts" "--again count"
[ "$(count)" -eq $((before + 2)) ] && pass || fail "--again stored $(($(count) - before)), expected 2"
# A file differing by one byte is another file.
printf '\n' >>"$WORK/copy.csv"
run log-visit --import "$WORK/copy.csv"; expect_rc 0 "a changed file imports"

# Refs: overlapping exports from the source system import once; a ref repeated within a file is refused.
printf 'customer,channel,date,ref\nHZ001,call,2026-11-17,ERP-1\nHZ001,message,2026-11-17,ERP-2\nHZ004,call,2026-11-17,ERP-3\n' \
  >"$WORK/erp1.csv"
printf 'customer,channel,date,ref\nHZ004,call,2026-11-17,ERP-3\nHZ001,message,2026-11-17,ERP-2\nHZ007,call,2026-11-18,ERP-4\nHZ007,visit,2026-11-18,ERP-5\n' \
  >"$WORK/erp2.csv"
run log-visit --import "$WORK/erp1.csv"; expect_rc 0 "an export with refs"; expect_out "imported 3 contacts" "refs: all new"
before=$(count)
run log-visit --import "$WORK/erp2.csv"; expect_rc 0 "an overlapping export"
expect_out "imported 2 contacts from $WORK/erp2.csv; 2 left out: their customer has a contact with the same ref already" \
  "only the new refs are stored"
[ "$(count)" -eq $((before + 2)) ] && pass || fail "overlapping export stored $(($(count) - before)), expected 2"
[ "$(db_query "SELECT count(*) FROM contacts WHERE ref = 'ERP-3'")" = 1 ] && pass || fail "ERP-3 stored once"
# The same ref at another customer is another contact.
printf 'customer,channel,date,ref\nHZ013,call,2026-11-17,ERP-1\n' >"$WORK/erp3.csv"
run log-visit --import "$WORK/erp3.csv"; expect_out "imported 1 contacts" "a ref is a customer's"
printf 'customer,channel,date,ref\nHZ007,call,2026-11-16,ERP-9\nHZ013,call,2026-11-16,ERP-8\nHZ007,visit,2026-11-16,ERP-9\n' \
  >"$WORK/dup.csv"
expect_rejected 3 "dup.csv:4: column ref (field 4): ref 'ERP-9' of HZ007 repeats line 2" "a ref twice in one file" \
  log-visit --import "$WORK/dup.csv"

# Two imports of one file at once (two cron jobs): one stores it, the other is told it was; never twice.
for round in 1 2 3 4 5; do
  awk -v r="$round" 'BEGIN { print "customer,channel,date,note"; for (i = 0; i < 300; i++) printf "HZ001,message,2026-11-%02d,round %d line %d\n", i % 19 + 1, r, i }' \
    >"$WORK/cron$round.csv"
  before=$(count)
  log-visit --import "$WORK/cron$round.csv" >"$WORK/o1" 2>"$WORK/e1" & p1=$!
  log-visit --import "$WORK/cron$round.csv" >"$WORK/o2" 2>"$WORK/e2" & p2=$!
  wait $p1; s1=$?; wait $p2; s2=$?
  [ "$(count)" -eq $((before + 300)) ] && pass || fail "round $round: two imports at once stored $(($(count) - before)), expected 300"
  if { [ "$s1" = 0 ] && [ "$s2" = 3 ] && grep -q "imported already" "$WORK/e2"; } ||
     { [ "$s2" = 0 ] && [ "$s1" = 3 ] && grep -q "imported already" "$WORK/e1"; }; then pass
  else fail "round $round: expected one import and one refusal, got exits $s1 and $s2: $(cat "$WORK/e1" "$WORK/e2")"; fi
done

# On a team server, a rep's imports go through keqing_api and are remembered alike.
if [ "$BACKEND" = postgresql ]; then
  pg_role wang keqing_rep
  printf 'customer,channel,date,ref\nHZ007,call,2026-11-19,R-1\nHZ013,call,2026-11-19,R-2\n' >"$WORK/rep.csv"
  run as wang log-visit --import "$WORK/rep.csv"; expect_rc 0 "rep: import"; expect_out "imported 2 contacts" "rep: import count"
  expect_rejected 3 "this file was imported already on" "rep: the same file again" as wang log-visit --import "$WORK/rep.csv"
  [ "$(db_query "SELECT login FROM imports ORDER BY id DESC LIMIT 1")" = wang ] && pass || fail "rep: the server records the login"
  printf 'customer,channel,date,ref\nHZ013,call,2026-11-19,R-2\nHZ007,visit,2026-11-19,R-3\n' >"$WORK/rep2.csv"
  run as wang log-visit --import "$WORK/rep2.csv"; expect_rc 0 "rep: an overlapping export"
  expect_out "imported 1 contacts from $WORK/rep2.csv; 1 left out" "rep: refs through keqing_api"
fi
finish
