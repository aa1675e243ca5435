# End-to-end: what people read in the output — check-quota, remind (text, markdown, mail subject, ICS),
# report (table, markdown, HTML), plan (table, ICS), roster show/list, log-visit --list — is Chinese under
# LANG=zh_CN.UTF-8 with no English phrase left, and English under LANG=C.UTF-8 with no Chinese but the data's
# and the rules'; JSON and CSV are the same bytes in both; Chinese tables keep within 80 columns.
source "$(dirname "$0")/lib.sh"
sqlite_only "the language of the output does not depend on the backend"
load_examples || { echo "could not load examples"; exit 1; }
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-20T20:00 roster event import "$SRC/examples/events.csv" >/dev/null

# zh CMD…, en CMD…: CMD in Chinese, in English (env: bash itself need not have the zh_CN locale).
zh() { env LANG=zh_CN.UTF-8 LANGUAGE= LC_ALL= LC_MESSAGES= "$@"; }
en() { env LANG=C.UTF-8 LANGUAGE= LC_ALL= LC_MESSAGES= "$@"; }

# english_left FILE: the runs of two or more English words in FILE that are not codes, option names, rep
# logins, channel ids, file names or the rules' own words (action names), one per line.
english_left() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"(?s)<style>.*?</style>", " ", text)      # the HTML's style sheet (font names)
text = re.sub(r"<[^>]*>", " ", text)                     # HTML tags and their attributes
text = text.replace("built-in rules.toml", " ")           # where the rules came from (lib/rules)
text = re.sub(r"--[a-z][a-z-]*( [a-z]+)?", " ", text)     # options and their values
text = re.sub(r"`[^`]*`|roster event add .*", " ", text)  # commands to run
text = re.sub(r"^Subject: ", "", text, flags=re.M)        # the mail header, never translated
text = re.sub(r"\b(BEGIN|END|DTSTART|DTEND|DTSTAMP|UID|PRODID|VERSION|CALSCALE|SUMMARY|DESCRIPTION|CATEGORIES|GEO)[:;][^\r\n]*?(?=[:\r\n])", " ", text)
# The rules' words (channels, actions, occasion kinds, stages), the reps' logins, codes and units.
allowed = set("""visit call message third_party gift wang li zhao keqing csv json html key stable new
  developing birthday wedding partnership VCALENDAR VEVENT GREGORIAN PUBLISH ZH remind plan email QQ
  count_late same_day_limit min km""".split())
found = set()
for m in re.finditer(r"[A-Za-z][A-Za-z_]+(?:[ ][A-Za-z][A-Za-z_]+)+", text):
    words = [w for w in m.group(0).split() if w not in allowed]
    if len(words) >= 2:
        found.add(m.group(0))
for f in sorted(found):
    print(f)
PY
}

# chinese_left FILE: the runs of Chinese in FILE that are neither the data's (examples/) nor the rules'.
chinese_left() {
  python3 - "$1" "$SRC" <<'PY'
import glob, re, sys
src = sys.argv[2]
corpus = "".join(open(p, encoding="utf-8").read() for p in glob.glob(src + "/examples/*.csv"))
corpus += "".join(l.split("#")[0] for l in open(src + "/schemas/rules.toml", encoding="utf-8"))
corpus += open(src + "/lib/roster/people.cpp", encoding="utf-8").read()  # the personality hints
text = open(sys.argv[1], encoding="utf-8").read()
cjk = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+"
for run in sorted(set(re.findall(cjk, text))):
    if run not in corpus:
        print(run)
PY
}

COMMANDS=(
  "check-quota --all --month 2026-11 --as-of 2026-11-20"
  "remind --rep li --as-of 2026-11-20"
  "remind --rep wang --as-of 2026-11-20 --format markdown"
  "remind --rep li --as-of 2026-11-20 --format ics"
  "report --month 2026-11 --as-of 2026-11-20"
  "report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --by tier --format markdown"
  "report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --by customer --format html"
  "plan --rep wang --from 2026-11-20"
  "plan --rep li --from 2026-11-20 --format ics"
  "roster show HZ002 --as-of 2026-11-20"
  "roster list"
  "log-visit --list --from 2026-11-19 --to 2026-11-20"
)
for cmd in "${COMMANDS[@]}"; do
  run zh $cmd
  [ -s "$WORK/out" ] && [ "$rc" -le 1 ] && pass || fail "zh $cmd: exit $rc or no output"
  left=$(english_left "$WORK/out")
  [ -z "$left" ] && pass || fail "zh $cmd: English left: $(echo "$left" | head -5 | tr '\n' '|')"
  LC_ALL=C.UTF-8 grep -qP '\p{Han}' "$WORK/out" && pass || fail "zh $cmd: no Chinese"
  run en $cmd
  left=$(chinese_left "$WORK/out")
  [ -z "$left" ] && pass || fail "en $cmd: Chinese left: $(echo "$left" | head -5 | tr '\n' '|')"
done

# What the issue names: the four statuses, the mail subject, the calendar summaries, the HTML's language.
run zh check-quota --all --month 2026-11 --as-of 2026-11-20
for s in 达标 进度正常 落后; do expect_out "$s" "zh: status $s"; done
expect_out "编号   名称" "zh: table headers"
expect_out "个客户：达标" "zh: the summary line"
run zh check-quota --all --month 2026-11 --as-of 2026-11-30
expect_out "未达标" "zh: status 未达标 once the month is over"
run zh remind --rep li --as-of 2026-11-20
expect_out "Subject: keqing：14 条提醒（2 项逾期）" "zh: the mail subject (its header stays Subject:)"
expect_out "今天到期 [R2] 2026-11-20 前" "zh: a reminder line"
run en remind --rep li --as-of 2026-11-20
expect_out "Subject: keqing: 14 reminders (2 overdue)" "en: the mail subject"
run zh remind --rep li --as-of 2026-11-20 --format ics
expect_out "还需 1 次跟上进度" "zh: ICS summaries"
run zh report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --format html
expect_out '<html lang="zh-CN">' "zh: HTML lang"
expect_out '<h2>概要</h2>' "zh: HTML headings"
expect_out '>已过 20 天，共 30 天</text>' "zh: the trend's days note"
run en report --from 2026-09 --to 2026-11 --as-of 2026-11-20 --format html
expect_out '<html lang="en">' "en: HTML lang"
expect_out '>20 of 30 days</text>' "en: the trend's days note"
run zh roster show HZ002 --as-of 2026-11-20
expect_out "业务员 li (李娜" "zh: the card's heading"
expect_out "近期联系（90 天）" "zh: the card's sections"

# JSON and CSV: the same bytes whatever the language.
SAME=(
  "check-quota --all --month 2026-11 --as-of 2026-11-20 --format json"
  "check-quota --all --month 2026-11 --as-of 2026-11-20 --format csv"
  "remind --all --as-of 2026-11-20 --format json"
  "report --from 2026-10 --to 2026-11 --as-of 2026-11-20 --format json"
  "report --from 2026-10 --to 2026-11 --as-of 2026-11-20 --format csv"
  "plan --rep wang --from 2026-11-20 --format json"
  "roster list --format csv"
  "roster gaps --format json --as-of 2026-11-20"
  "log-visit --list --from 2026-11-01 --to 2026-11-20 --format csv"
  "log-visit --list --from 2026-11-01 --to 2026-11-20 --format json"
)
for cmd in "${SAME[@]}"; do
  zh $cmd </dev/null >"$WORK/zh" 2>/dev/null; a=$?
  en $cmd </dev/null >"$WORK/en" 2>/dev/null; b=$?
  if [ -s "$WORK/en" ] && [ "$a" = "$b" ] && cmp -s "$WORK/zh" "$WORK/en"; then pass
  else fail "$cmd: JSON/CSV differ between zh and en (exit $a/$b)"; fi
done

# Chinese headers and cells keep within the terminal: 80 columns by display width.
for cmd in "check-quota --all --month 2026-11 --as-of 2026-11-20" "report --month 2026-11 --as-of 2026-11-20" \
  "roster list" "plan --rep wang --from 2026-11-20" "roster show HZ002 --as-of 2026-11-20"; do
  COLUMNS=80 run zh $cmd
  w=$(widest "$WORK/out")
  [ "$w" -le 80 ] && pass || fail "zh COLUMNS=80 $cmd: widest line $w"
done

finish
