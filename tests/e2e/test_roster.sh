# End-to-end: roster — reps, customers, history, import/export and every bad-input path.
source "$(dirname "$0")/lib.sh"

run roster rep add wang --name 王强 --team 华东一组; expect_rc 0 "rep add"
run roster rep add li --name 李娜 --team 华东二组; expect_rc 0 "rep add li"
run roster rep list; expect_out "王强" "rep list"; expect_out "华东二组" "rep list team"
expect_rejected 3 "rep 'wang' already exists" "duplicate rep" roster rep add wang

run roster add HZ001 康泰大药房 --tier A --rep wang --opened 2025-06-01 --phone 0571-1 --address "杭州市,解放路1号"
expect_rc 0 "add"; expect_out "added HZ001 康泰大药房 (tier A, rep wang)" "add message"
KEQING_REP=li run roster add HZ002 同济堂 --tier C
expect_out "rep li" "add takes the current rep from KEQING_REP"
expect_rejected 3 "unknown tier 'D'" "unknown tier" roster add HZ003 甲 --tier D --rep wang
expect_rejected 3 "unknown rep 'ghost'" "unknown rep" roster add HZ003 甲 --tier A --rep ghost
expect_rejected 3 "already exists" "duplicate code" roster add HZ001 甲 --tier A --rep wang
expect_rejected 3 "'2026-02-30' is not a real date" "impossible opening date" roster add HZ003 甲 --tier A --rep wang --opened 2026-02-30
expect_rejected 2 "tier" "missing --tier is a usage error" roster add HZ003 甲 --rep wang
expect_rejected 2 "--bogus" "unknown option" roster list --bogus
expect_rejected 2 "" "no subcommand" roster

run roster list --as-of 2026-11-20; expect_rc 0 "list"; expect_out "2 customers" "list count"
run roster list --as-of 2026-11-20 --tier A; expect_out "HZ001" "list --tier"; expect_no_out "HZ002" "list --tier filters"
run roster list --as-of 2026-11-20 --rep li; expect_out "HZ002" "list --rep"; expect_no_out "HZ001" "list --rep filters"
run roster list --as-of 2026-11-20 --format json; expect_out '"code": "HZ001"' "list json"

# Aligned by display width: the TIER column starts at the same column on every row.
run roster list --as-of 2026-11-20
cols=$(python3 - "$WORK/out" <<'PY'
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[:3]
print(len({width(l[:l.index(t) + len(t) - len(t.lstrip())]) for l, t in zip(lines, ["TIER", "  A  ", "  C  "])}))
PY
)
[ "$cols" = 1 ] && pass || fail "CJK names align by display width"

run roster tier HZ001 B --from 2026-12-01; expect_rc 0 "tier"
run roster list --as-of 2026-12-01 --format csv; expect_out "HZ001,康泰大药房,B,wang" "tier from a date"
run roster list --as-of 2026-11-30 --format csv; expect_out "HZ001,康泰大药房,A,wang" "tier history kept"
expect_rejected 3 "unknown tier 'Q'" "tier unknown" roster tier HZ001 Q --from 2026-12-01
expect_rejected 2 "--from" "tier needs --from" roster tier HZ001 B
run roster assign 康泰 li --from 2026-12-15; expect_rc 0 "assign by name"
run roster show HZ001 --as-of 2026-12-20; expect_out "rep li" "card shows the assigned rep"; expect_out "reps     wang from 2025-06-01; li from 2026-12-15" "card rep history"
run roster close HZ002 --on 2026-11-30; expect_out "closed HZ002" "close"
run roster list --as-of 2026-12-01; expect_no_out "HZ002" "closed customer not listed"
run roster list --as-of 2026-12-01 --include-closed; expect_out "HZ002" "--include-closed"
run roster reopen HZ002; expect_rc 0 "reopen"
expect_rejected 3 "is not closed" "reopen twice" roster reopen HZ002
run roster edit HZ002 --phone 0571-999 --stage 收获期; expect_rc 0 "edit"
run roster show 同济堂; expect_out "0571-999" "edit phone shows on the card"; expect_out "stage 收获期 since 2026-" "edit stage"
expect_rejected 3 "unknown customer '同仁堂'" "edit unknown customer" roster edit 同仁堂 --phone 1

# Import: whole file or nothing.
cat >"$WORK/c.csv" <<'CSV'
code,name,tier,rep,opened_on,closed_on,phone,address,stage
HZ010,益丰大药房(城东店),B,li,2024-03-01,,0571-2,"杭州市上城区,近地铁",stable
HZ011,仁和堂药店,C,wang,,,,,
CSV
run roster import "$WORK/c.csv"; expect_rc 0 "import"; expect_out "imported customers from $WORK/c.csv: 2 added, 0 changed, 0 unchanged" "import count"
cat >"$WORK/bad.csv" <<'CSV'
code,name,tier,rep
HZ020,甲,A,wang
HZ021,乙,A
CSV
expect_rejected 3 "bad.csv:3: the row has 3 fields but the header has 4" "malformed CSV row" roster import "$WORK/bad.csv"
printf 'code,name,tier,rep\nHZ020,甲,A,wang\nHZ021,乙,Z,wang\n' >"$WORK/bad2.csv"
expect_rejected 3 "bad2.csv:3: unknown tier 'Z'" "import unknown tier" roster import "$WORK/bad2.csv"
printf 'code,name,tier,rep,fax\nHZ020,甲,A,wang,1\n' >"$WORK/extra.csv"
expect_rejected 3 "unknown column 'fax'" "import unknown column" roster import "$WORK/extra.csv"
run roster import "$WORK/extra.csv" --ignore-unknown --dry-run; expect_out "would import (dry run) customers from $WORK/extra.csv: 1 added" "dry run"
printf 'code,name,tier\nHZ020,甲,A\n' >"$WORK/norep.csv"
expect_rejected 3 "required column 'rep'" "import missing column" roster import "$WORK/norep.csv"
expect_rejected 3 "cannot read the file" "import missing file" roster import "$WORK/nope.csv"

# Places (issue 19): the area and coordinates in the list (table, CSV, JSON), on the card, in the import.
roster edit HZ010 --area 上城区 --geo 30.25,120.17 >/dev/null
run roster list; expect_out "AREA" "list: an AREA column once an area is set"; expect_out "30.25,120.17" "list: GEO"
run roster list --format json; expect_out '"area": "上城区", "lat": 30.25, "lon": 120.17' "list: JSON place"
run roster list --format csv; expect_out ',上城区,30.25,120.17' "list: CSV place"
run roster show HZ010; expect_out "area     上城区  ·  geo 30.25,120.17" "the card's place"
printf 'code,name,tier,rep,area,lat\nHZ010,益丰大药房(城东店),B,li,上城区,30.2\n' >"$WORK/halfgeo.csv"
expect_rejected 3 "halfgeo.csv:2: column lon: a latitude needs a longitude" "lat without lon" \
  roster import "$WORK/halfgeo.csv" --update
printf 'code,name,tier,rep,area,lat,lon\nHZ010,益丰大药房(城东店),B,li,上城区,30.2,190\n' >"$WORK/badgeo.csv"
expect_rejected 3 "is not coordinates" "a longitude out of range" roster import "$WORK/badgeo.csv" --update
printf 'code,name,tier,rep,area\nHZ010,益丰大药房(城东店),B,li,清波街道\n' >"$WORK/area.csv"
expect_rejected 3 "area 上城区 → 清波街道" "an area change needs --update" roster import "$WORK/area.csv"
run roster import "$WORK/area.csv" --update; expect_out "1 changed" "import --update changes the area"
run roster show HZ010; expect_out "area     清波街道  ·  geo 30.25,120.17" "the coordinates kept without lat/lon columns"
run roster export --as-of 2026-11-20 -o "$WORK/export.csv"; expect_rc 0 "export"
head -1 "$WORK/export.csv" | grep -q '^code,name,tier,rep,opened_on,closed_on,phone,address,stage,area,lat,lon$' && pass || fail "export header"
grep -q '"杭州市上城区,近地铁"' "$WORK/export.csv" && pass || fail "export quotes commas"
# The export re-imports into an empty database unchanged.
KEQING_DB=$WORK/copy.db roster rep import <(printf 'id\nwang\nli\n') >/dev/null
KEQING_DB=$WORK/copy.db run roster import "$WORK/export.csv"; expect_out "4 added, 0 changed, 0 unchanged" "export round-trips"
KEQING_DB=$WORK/copy.db run roster export --as-of 2026-11-20
diff -q "$WORK/out" "$WORK/export.csv" >/dev/null && pass || fail "export → import → export: the same file, places included"

run roster --version; expect_rc 0 "--version"; expect_out "roster (keqing)" "--version text"
run roster --help; expect_rc 0 "--help"; expect_out "import" "--help lists subcommands"

# Database errors: exit 4, one line.
printf 'this is not a database, just text padding padding padding padding padding padding padding padding padding padding' >"$WORK/text.db"
KEQING_DB=$WORK/text.db run roster list; expect_rc 4 "not a database"; expect_err "not a keqing database" "not a database message"
finish
