# End-to-end: config and contradictions (issue 15 item 5). An unknown time zone (config `timezone`, or TZ)
# and a config file that exists but cannot be read are exit 3 naming the file (and line); roster changes
# that contradict what is recorded — closing before the customer's last contact, a tier or rep from before
# its opening day — are refused with the reason unless --force; a tier or rep already in effect writes
# nothing and says so. Runs on both backends; on PostgreSQL also as a team server's admin (through keqing_api).
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
CONFIG=$XDG_CONFIG_HOME/keqing/config.toml
mkdir -p "$XDG_CONFIG_HOME/keqing"

roster rep add wang --name 王强 >/dev/null 2>&1 && roster rep add li --name 李娜 >/dev/null &&
  roster add HZ001 康泰大药房 --tier A --rep wang --opened 2026-11-02 >/dev/null &&
  roster add HZ002 同济堂 --tier B --rep li >/dev/null &&
  log-visit HZ001 --call --date 2026-11-15 >/dev/null &&
  log-visit HZ001 --visit --date 2026-11-18 >/dev/null &&
  log-visit HZ001 --message --date 2026-11-19 >/dev/null || { echo "could not set up"; exit 1; }
voided=$(db_query "SELECT max(id) FROM contacts")
log-visit --void "$voided" --reason "logged by mistake" >/dev/null || { echo "could not void"; exit 1; }

# --- Config ---------------------------------------------------------------------------------------------
printf 'rep = "wang"\ntimezone = "Mars/Olympus"\n' >"$CONFIG"
expect_rejected 3 "$CONFIG:2: unknown time zone 'Mars/Olympus'; use a zone name such as Asia/Shanghai" \
  "an unknown time zone in the config" check-quota --as-of 2026-11-20
expect_rejected 3 "$CONFIG:2: unknown time zone" "an unknown time zone, on a write" log-visit HZ001 --call
# A zone the system has works (the files under /usr/share/zoneinfo), and so does a POSIX rule.
printf 'timezone = "Asia/Shanghai"\n' >"$CONFIG"
run roster list; expect_rc 0 "a known time zone"; expect_no_err "a known time zone"
printf 'timezone = "CST-8"\n' >"$CONFIG"
run roster list; expect_rc 0 "a POSIX time zone rule"
# A directory name inside zoneinfo, and a file there that is not a zone, are not zones either.
printf 'timezone = "Asia"\n' >"$CONFIG"
expect_rejected 3 "$CONFIG:1: unknown time zone 'Asia'" "a zoneinfo folder as time zone" roster list
printf 'timezone = "zone.tab"\n' >"$CONFIG"
expect_rejected 3 "$CONFIG:1: unknown time zone 'zone.tab'" "a zoneinfo file that is no zone" roster list
rm "$CONFIG"
# TZ itself: glibc would silently read an unknown name as UTC.
TZ=Mars/Olympus expect_rejected 3 "TZ is 'Mars/Olympus', not a time zone this system knows (it would silently be UTC)" \
  "an unknown TZ" roster list
TZ=Asia/Shanghai run roster list; expect_rc 0 "a known TZ"
# Empty values in the config file say which line.
printf 'rep = "wang"\ndb = ""\n' >"$CONFIG"
expect_rejected 3 "$CONFIG:2: 'db' is empty; give it a value, or remove the line for the default" "an empty config value" roster list
rm "$CONFIG"

# A config file that exists but cannot be read: exit 3 naming it, never silently the defaults. Root reads
# any file, so the unreadable case drops the capabilities that let it (as tests/e2e/test_storage.sh does).
UNPRIV=()
if [ "$(id -u)" -eq 0 ]; then
  UNPRIV=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search --)
fi
printf 'rep = "li"\n' >"$CONFIG"
chmod 000 "$CONFIG"
expect_rejected 3 "$CONFIG: cannot read the config file: Permission denied; make it readable (chmod u+r)" \
  "an unreadable config file" "${UNPRIV[@]}" check-quota --as-of 2026-11-20
expect_rejected 3 "$CONFIG: cannot read the config file" "an unreadable config file, on a write" \
  "${UNPRIV[@]}" log-visit HZ002 --call
chmod 600 "$CONFIG"
rm "$CONFIG"
mkdir "$CONFIG"
expect_rejected 3 "$CONFIG: the config file is a folder; remove it, or put a config.toml file there" \
  "a folder as config file" check-quota --as-of 2026-11-20
rmdir "$CONFIG"
ln -s "$WORK/nowhere.toml" "$CONFIG"
expect_rejected 3 "$CONFIG: the config file is a link to a file that does not exist" "a broken link as config file" roster list
rm "$CONFIG"

# --- Closing before the last contact ---------------------------------------------------------------------
expect_rejected 3 "customer HZ001 has 2 contacts after 2026-11-10, the last on 2026-11-18" \
  "close before the last contact" roster close HZ001 --on 2026-11-10
expect_err "closing it on 2026-11-10 would put them outside its active days; close it on 2026-11-18 or later, void them, or add --force" \
  "close before the last contact says what to do"
expect_rejected 3 "customer HZ001 has 1 contact after 2026-11-17, the last on 2026-11-18 (#2 visit); closing it on 2026-11-17 would put it outside" \
  "close the day before the last contact" roster close HZ001 --on 2026-11-17
# The voided contact of the 19th does not count: closing on the day of the last one is fine.
run roster close HZ001 --on 2026-11-18; expect_rc 0 "close on the last contact's day"; expect_out "closed HZ001" "close on the last contact's day"
[ "$(db_query "SELECT closed_on FROM customers WHERE code = 'HZ001'")" = 2026-11-18 ] && pass || fail "closed_on after closing"
run roster reopen HZ001; expect_rc 0 "reopen"
run roster close HZ001 --on 2026-11-16 --force; expect_rc 0 "close before the last contact with --force"
[ "$(db_query "SELECT closed_on FROM customers WHERE code = 'HZ001'")" = 2026-11-16 ] && pass || fail "closed_on with --force"
run roster reopen HZ001; expect_rc 0 "reopen again"

# --- Tier and rep from before the opening day ------------------------------------------------------------
expect_rejected 3 "customer HZ001 opened on 2026-11-02; a tier from 2026-10-01 would start before that; use --from 2026-11-02 (its first day) or later, or add --force" \
  "tier before the opening day" roster tier HZ001 B --from 2026-10-01
expect_rejected 3 "customer HZ001 opened on 2026-11-02; a rep from 2026-11-01 would start before that" \
  "assign before the opening day" roster assign HZ001 li --from 2026-11-01
run roster tier HZ001 B --from 2026-11-02; expect_rc 0 "tier from the opening day"; expect_out "re-tiered HZ001" "tier from the opening day"
run roster assign HZ001 li --from 2026-10-15 --force; expect_rc 0 "assign before the opening day with --force"
[ "$(db_query "SELECT count(*) FROM assignments a JOIN customers c ON c.id = a.customer_id WHERE c.code = 'HZ001' AND a.effective_from = '2026-10-15'")" = 1 ] &&
  pass || fail "the forced assignment was not stored"
# A customer without an opening day takes any day.
run roster tier HZ002 A --from 2020-01-01; expect_rc 0 "tier of a customer without an opening day"

# --- Changes that change nothing -------------------------------------------------------------------------
# HZ001's reps by now: li from 2026-10-15 (forced), wang from 2026-11-02.
run roster assign HZ001 li --from 2026-12-01; expect_rc 0 "hand HZ001 to li from December"; expect_out "assigned HZ001" "hand HZ001 to li"
snapshot
run roster assign HZ001 li --from 2026-12-01
expect_rc 0 "the same assignment again"
expect_out "HZ001 is already li's on 2026-12-01 (since 2026-12-01); nothing changed" "the same assignment again"
expect_no_err "the same assignment again"
expect_unchanged "the same assignment again writes nothing"
run roster assign HZ001 li --from 2026-12-15
expect_out "HZ001 is already li's on 2026-12-15 (since 2026-12-01); nothing changed" "an assignment already in effect"
expect_unchanged "an assignment already in effect writes nothing"
run roster assign HZ001 wang --from 2026-11-20
expect_out "HZ001 is already wang's on 2026-11-20 (since 2026-11-02); nothing changed (the change to li from 2026-12-01 stays)" \
  "an assignment in effect before a later change"
expect_unchanged "an assignment in effect before a later change writes nothing"
run roster tier HZ001 B --from 2026-11-25
expect_rc 0 "a tier already in effect"
expect_out "HZ001 is already tier B on 2026-11-25 (since 2026-11-02); nothing changed" "a tier already in effect"
expect_unchanged "a tier already in effect writes nothing"
run roster tier HZ002 B --from 2019-06-01
expect_out "HZ002 is already tier B on 2019-06-01 (since the start); nothing changed (the change to A from 2020-01-01 stays)" \
  "a first tier already in effect"
expect_unchanged "a first tier already in effect writes nothing"
# A real change still goes through: the no-op check looks at the day asked for.
run roster assign HZ001 wang --from 2026-12-10; expect_rc 0 "a real change after a no-op"; expect_out "assigned HZ001" "a real change after a no-op"
[ "$(db_query "SELECT count(*) FROM assignments a JOIN customers c ON c.id = a.customer_id WHERE c.code = 'HZ001'")" = 4 ] &&
  pass || fail "HZ001 should have 4 assignments (10-15, 11-02, 12-01, 12-10)"
# --- The same for a team server's admin, whose reads and writes go through keqing_api (schema 6) ----------
if [ "$BACKEND" = postgresql ]; then
  pg_role boss keqing_admin
  expect_rejected 3 "customer HZ001 has 2 contacts after 2026-11-10, the last on 2026-11-18" \
    "admin: close before the last contact" as boss roster close HZ001 --on 2026-11-10
  expect_rejected 3 "customer HZ001 opened on 2026-11-02; a tier from 2026-10-01 would start before that" \
    "admin: tier before the opening day" as boss roster tier HZ001 A --from 2026-10-01
  snapshot
  run as boss roster assign HZ001 wang --from 2026-12-20
  expect_rc 0 "admin: an assignment already in effect"
  expect_out "HZ001 is already wang's on 2026-12-20 (since 2026-12-10); nothing changed" "admin: an assignment already in effect"
  expect_unchanged "admin: an assignment already in effect writes nothing"
  run as boss roster close HZ001 --on 2026-11-10 --force; expect_rc 0 "admin: close before the last contact with --force"
  [ "$(db_query "SELECT closed_on FROM customers WHERE code = 'HZ001'")" = 2026-11-10 ] && pass || fail "admin: closed_on with --force"
fi
finish
