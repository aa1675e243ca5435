# End-to-end: the HTML compliance report of the example data, opened in real headless Chromium: the page
# is self-contained (no URL, nothing loaded), paints (the screenshot is not blank), logs nothing to the
# browser console, lays out at 1280 px with no header, name, team or status wrapping and nothing sticking
# out or scrolling sideways (measured in the page by html_layout.js), and prints on at most 4 A4 pages.
# Rendered by `report --format html`.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null
command -v chromium >/dev/null || { echo "FAIL: chromium is not installed; 'make deps' installs it" >&2; exit 1; }

count() { grep -o -- "$1" "$2" | wc -l; }

# November as of the 20th, by rep.
run report --month 2026-11 --as-of 2026-11-20 --format html; expect_rc 0 "november renders"; expect_no_err "november"
cp "$WORK/out" "$WORK/nov.html"
head -1 "$WORK/nov.html" | grep -qx '<!DOCTYPE html>' && pass || fail "doctype first"
expect_out '<html lang="en">' "lang (English here; test_i18n_output.sh checks zh-CN)"
expect_out '<title>Compliance report 2026-11</title>' "title"
expect_out '2026-11 · as of 2026-11-20 · by rep' "period and breakdown"
expect_out '王强 (wang)' "rep names"
# The same numbers as check-quota's JSON for the month.
check-quota --all --month 2026-11 --as-of 2026-11-20 --format json >"$WORK/check.json"
python3 - "$WORK/check.json" >"$WORK/expected" <<'PY'
import json, math, sys
s = json.load(open(sys.argv[1]))["summary"]
def pct(x):  # the nearest whole percent, never 100 short of complete nor 0 above nothing (output::percent)
    w = math.floor(x * 100 + 0.5)
    return 99 if w >= 100 and x < 1 - 1e-9 else 1 if w <= 0 and x > 1e-9 else w
print('<span class="big">%d%%</span>overall score (%d of %d required contacts)'
      % (pct(s["score"]), s["done"], s["required"]))
for status, label in (("met", "met"), ("on_track", "on track"), ("behind", "behind"), ("missed", "missed")):
    print('<div class="tile status-%s"><span class="big">%d</span>%s</div>' % (status, s[status], label))
PY
[ "$(wc -l <"$WORK/expected")" -eq 5 ] && pass || fail "expected summary from check-quota"
while IFS= read -r line; do expect_out "$line" "summary as check-quota counts it"; done <"$WORK/expected"
expect_out 'HZ001 康泰大药房' "a missed birthday to follow up"
# One month: two charts, no trend (a trend needs a range).
[ "$(count '<svg ' "$WORK/nov.html")" -eq 2 ] && [ "$(count '</svg>' "$WORK/nov.html")" -eq 2 ] && pass || fail "two charts"
expect_no_out 'id="trend"' "no trend for one month"
# Short channel headers from the rules, the whole label on hover.
expect_out '<th scope="col" class="num" title="message 短信/QQ/微信/email">消息</th>' "short channel header"
# What needs action comes before the overviews: occasions and goals before tier × channel and data quality.
order=$(grep -o '<section id="[a-z-]*"' "$WORK/nov.html" | cut -d'"' -f2 | tr '\n' ' ')
[ "$order" = "summary ranking occasions goals followups tier-channel quality " ] && pass || fail "section order: $order"

# A range of months by customer: the trend has a line through three months.
run report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --by customer --format html; expect_rc 0 "range renders"
cp "$WORK/out" "$WORK/range.html"
expect_out '2026-09 – 2026-11 · as of 2026-11-20 · by customer' "range period"
expect_out '<h2>By customer</h2>' "customer breakdown"
# November is 20 days old: drawn as partial, not as a failure beside two whole months.
[ "$(count 'class="column"' "$WORK/range.html")" -eq 2 ] && [ "$(count 'class="column partial"' "$WORK/range.html")" -eq 1 ] \
  && [ "$(count '<polyline' "$WORK/range.html")" -eq 1 ] && pass || fail "trend of three months"
grep -q '>20 of 30 days</text>' "$WORK/range.html" && pass || fail "the partial month says how much has passed"

run report --from 2026-12 --to 2026-11 --as-of 2026-11-20 --format html; expect_rc 2 "from after to is a usage error"
run report --month 2026-11 --as-of 2026-11-20 --format html --output "$WORK/file.html"; expect_rc 0 "--output"
cmp -s "$WORK/file.html" "$WORK/nov.html" && pass || fail "--output writes the same page"

# Self-contained: no URL of any kind and nothing that would load a resource.
for f in nov range; do
  if grep -Eq 'https?:|//[a-z0-9]| src=|url\(|@import|<link|<script|<iframe|<object' "$WORK/$f.html"; then
    fail "$f.html references something outside itself: $(grep -Eo '.{0,30}(https?:|//[a-z0-9]| src=|url\(|@import|<link|<script).{0,30}' "$WORK/$f.html" | head -1)"
  else pass; fi
done

# The page's layout in a browser does not depend on the backend: Chromium runs on the SQLite pass only.
if [ "$BACKEND" != sqlite ]; then finish; exit; fi

# Real Chromium: a screenshot that is not blank, and no console message at all (the page has no script,
# so anything Chromium logs as CONSOLE — a script error, a failed load, a warning — is a failure).
browse() { # NAME: screenshot $WORK/NAME.png, Chromium's log in $WORK/NAME.log
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$WORK/chromium-$1" \
    --enable-logging=stderr --v=0 --screenshot="$WORK/$1.png" --window-size=1280,2000 "file://$WORK/$1.html" \
    >"$WORK/$1.stdout" 2>"$WORK/$1.log"
}
for f in nov range; do
  if browse "$f" && [ -s "$WORK/$f.png" ]; then pass; else fail "chromium could not screenshot $f.html: $(tail -3 "$WORK/$f.log")"; fi
  python3 "$SRC/tests/e2e/png_pixels.py" "$WORK/$f.png" 0.04 100 >/dev/null && pass || fail "$f.png is blank"
  if grep -E ':CONSOLE[:(]' "$WORK/$f.log" >&2; then fail "$f.html logged to the browser console"; else pass; fi
done

chromium_run() { # NAME FLAGS…: headless Chromium on $WORK/NAME.html
  local name=$1; shift
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$WORK/chromium-$name" \
    "$@" "file://$WORK/$name.html" 2>"$WORK/$name.log"
}
# Layout at 1280 px, measured in the page: a copy with html_layout.js, whose findings --dump-dom shows.
# (The script is the test's; the report itself has none.)
for f in nov range; do
  python3 - "$WORK/$f.html" "$SRC/tests/e2e/html_layout.js" "$WORK/$f-measured.html" <<'PY'
import sys
page, script = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
open(sys.argv[3], "w", encoding="utf-8").write(page.replace("</body>", "<script>\n" + script + "\n</script>\n</body>"))
PY
  chromium_run "$f-measured" --window-size=1280,2000 --dump-dom >"$WORK/$f-dom.html"
  problems=$(python3 - "$WORK/$f-dom.html" <<'PY'
import html, json, re, sys
m = re.search(r'data-layout="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
print("html_layout.js did not run" if m is None else "\n".join(json.loads(html.unescape(m.group(1)))))
PY
)
  [ -z "$problems" ] && pass || fail "$f.html at 1280 px: $(echo "$problems" | head -5 | tr '\n' ';')"
done

# Printed on A4 (the page's @page and print styles): the example month fits on 4 pages.
chromium_run nov --no-pdf-header-footer --print-to-pdf="$WORK/nov.pdf" >/dev/null
pages=$(python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$WORK/nov.pdf")
[ "$pages" -ge 1 ] && [ "$pages" -le 4 ] && pass || fail "the example month prints on $pages A4 pages, more than 4"

finish
