# End-to-end: the simulations of issue 19 (tests/e2e/plan_month.py), September 2026 day by day on a
# generated territory of 100 customers: (a) a rep that does exactly what each morning's plan says meets every
# quota and obligation, no day over the limit; (b) three days skipped, re-planned, everything still feasible
# met; (c) an impossible month said on its first day, the least-bad choice; (d) the same plan twice, and not
# one planned contact moved while the plan is followed. Every plan is checked: no visit on a day off, to a
# customer not active that day, or outside an obligation's window. The scheduler is the same whatever the
# database (test_plan.sh runs plan on both); a month of processes on PostgreSQL would take 30 s.
source "$(dirname "$0")/lib.sh"
sqlite_only "the simulations exercise the scheduler, not the database; test_plan.sh runs plan on PostgreSQL"

python3 "$SRC/tests/e2e/plan_month.py" "$BIN" "$WORK" >"$WORK/sim" 2>&1 && pass || { fail "the simulations"; cat "$WORK/sim" >&2; }
tail -1 "$WORK/sim"
finish
