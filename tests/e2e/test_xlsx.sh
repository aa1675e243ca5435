# End-to-end: report and check-quota --format xlsx — read back with openpyxl, the same numbers as the JSON of
# the same month: one sheet per section, numbers as numbers, rates as %, the header row frozen.
source "$(dirname "$0")/lib.sh"
python3 -c 'import openpyxl' 2>/dev/null || { echo "python3-openpyxl is not installed"; exit 77; }
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-20T20:00 roster event import "$SRC/examples/events.csv" >/dev/null

run report --month 2026-11 --as-of 2026-11-20 --by customer --format xlsx -o "$WORK/r.xlsx"
expect_rc 0 "report --format xlsx"; grep -qF "wrote $WORK/r.xlsx" "$WORK/err" && pass || fail "report says where"
report --month 2026-11 --as-of 2026-11-20 --by customer --format json >"$WORK/r.json"
python3 - "$WORK/r.xlsx" "$WORK/r.json" <<'PY' && pass || fail "the report's workbook has the JSON's numbers"
import json, sys, openpyxl
wb, rep = openpyxl.load_workbook(sys.argv[1]), json.load(open(sys.argv[2]))
assert wb.sheetnames[:3] == ["Summary", "Rep ranking", "By customer"], wb.sheetnames
for ws in wb:
    assert ws.freeze_panes == "A2", ws.title
def rows(name):
    ws = wb[name]
    head = [c.value for c in ws[1]]
    return [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]
s = rows("Summary")[0]
assert s["customer_months"] == rep["summary"]["customer_months"]
for k in ("met", "on_track", "behind", "missed"):
    assert s[k] == rep["summary"][k], k
for sheet, key in (("Rep ranking", "reps"), ("By customer", "rows")):
    got = {r["rep" if sheet == "Rep ranking" else "customer"]: r for r in rows(sheet)}
    assert len(got) == len(rep[key]), sheet
    for r in rep[key]:
        g = got[r["key"]]
        assert isinstance(g["score"], float) or g["score"] in (0, 1), g
        assert abs(g["score"] - r["score"]) < 1e-9, (sheet, r["key"])
        assert g["rank"] == r["rank"] and g["customer_months"] == r["customer_months"]
        for ch, a in r["channels"].items():
            assert abs(g[ch] - a["rate"]) < 1e-9, (r["key"], ch)
ws = wb["Rep ranking"]
assert ws.cell(2, 6).number_format == "0%", ws.cell(2, 6).number_format
# CJK names take two columns each: the NAME column is wider than its longest name's characters.
names = wb["By customer"]
assert names.column_dimensions["C"].width >= 2 * max(len(r["label"]) for r in rep["rows"]), "CJK width"
q = {r["finding"]: r["count"] for r in rows("Data quality")}
assert q["late"] == rep["quality"]["late"] and q["duplicates"] == rep["quality"]["duplicates"]
PY

run check-quota --all --month 2026-11 --as-of 2026-11-20 --format xlsx -o "$WORK/c.xlsx"
expect_rc 1 "check-quota --format xlsx keeps its exit status"
check-quota --all --month 2026-11 --as-of 2026-11-20 --format json >"$WORK/c.json"
python3 - "$WORK/c.xlsx" "$WORK/c.json" <<'PY' && pass || fail "check-quota's workbook has the JSON's numbers"
import json, sys, openpyxl
wb, check = openpyxl.load_workbook(sys.argv[1]), json.load(open(sys.argv[2]))
ws = wb["Quota 2026-11"]
assert ws.freeze_panes == "A2"
head = [c.value for c in ws[1]]
got = {r[0]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
assert list(got) == [c["code"] for c in check["customers"]]
for c in check["customers"]:
    g = got[c["code"]]
    assert g["name"] == c["name"] and g["status"] == c["status"] and abs(g["score"] - c["score"]) < 1e-9
    for ch, v in c["channels"].items():
        for k in ("required", "done", "expected"):
            assert g[f"{ch}_{k}"] == v[k] and isinstance(g[f"{ch}_{k}"], int), (c["code"], ch, k)
assert ws.cell(2, 6).number_format == "0%"
assert wb["Occasions"].max_row - 1 == len(check["obligations"])
assert wb["Goals"].max_row - 1 == 3 * len(check["goals"])
PY

# Piped, the workbook goes to standard output; to a terminal or with another format, a usage error.
report --month 2026-11 --as-of 2026-11-20 --format xlsx >"$WORK/p.xlsx" </dev/null 2>/dev/null
python3 -c 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])["Rep ranking"]' "$WORK/p.xlsx" && pass ||
  fail "xlsx piped to a file"
if command -v script >/dev/null; then
  script -qec "$BIN/report --month 2026-11 --format xlsx" /dev/null >"$WORK/out" 2>&1; rc=$?
  expect_rc 2 "xlsx to a terminal"; expect_out "report: error: --format xlsx is an Excel file" "says why"
fi
run check-quota --all --format csv -o "$WORK/c.csv"
expect_rc 2 "check-quota --output without xlsx"; expect_err "--output is for --format xlsx" "says so"
run report --month 2026-11 --format xlsx -o "$WORK/no/such/dir/r.xlsx"
expect_rc 4 "an unwritable path"; expect_err "cannot create the file" "names the failure"
[ ! -e "$WORK/no" ] && pass || fail "nothing left behind"
finish
