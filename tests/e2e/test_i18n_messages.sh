# End-to-end: messages in Chinese (issue 20 item 1). A representative set of errors (unknown customer,
# ambiguous name, impossible date, malformed CSV row, malformed TOML, unknown option, missing database …)
# and the --help of every tool and roster subcommand, each run under LANG=zh_CN.UTF-8 and LANG=C.UTF-8:
# in Chinese every line has Chinese or no untranslated English (a run of three English words that are not
# option names, codes or command words); in English no Chinese punctuation or message words; the exit
# status the same in both. JSON and CSV output are byte-identical in both languages. The config's
# `language` and KEQING_LANGUAGE choose the language over the locale, help included.
source "$(dirname "$0")/lib.sh"
[ "$BACKEND" = sqlite ] || { echo "backend-independent: the messages come from the tools, not the database"; exit 77; }
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
load_examples || { echo "could not load the examples"; exit 1; }
cd "$WORK"
printf 'customer,channel,date\nHZ001,call,2026-11-19,extra\n' >"$WORK/bad_row.csv"
printf '[[tier]\nid = "A"\n' >"$WORK/bad_rules.toml"
printf 'code,name,tier,rep\nHZ950,康泰新店,B,wang\nHZ951,康泰二店,B,wang\n' >"$WORK/more.csv"
roster import "$WORK/more.csv" >/dev/null || { echo "could not add customers"; exit 1; }

# both DESCRIPTION STREAM CMD…: runs CMD in Chinese and in English, compares the exit statuses and keeps
# the two outputs of STREAM (out or err) for check_languages.
cases=0
both() {
  local desc=$1 stream=$2
  shift 2
  LANG=zh_CN.UTF-8 "$@" </dev/null >"$WORK/out" 2>"$WORK/err"
  local zh=$?
  cp "$WORK/$stream" "$WORK/case$cases.zh"
  LANG=C.UTF-8 "$@" </dev/null >"$WORK/en.out" 2>"$WORK/en.err"
  local en=$?
  cp "$WORK/en.$stream" "$WORK/case$cases.en"
  echo "$desc" >"$WORK/case$cases.desc"
  cases=$((cases + 1))
  if [ "$zh" -eq "$en" ]; then pass; else fail "$desc: exit $zh in Chinese, $en in English"; fi
}

# Checks every case kept by both() (one Python run: it starts in 0.1 s): in Chinese each line has Chinese,
# or is a command line, and no run of three English words that are not command words or values; in
# English no Chinese punctuation or message words. Prints one line per case: "ok" or what is wrong.
check_languages() {
  /usr/bin/python3 - "$WORK" "$cases" <<'PY'
import re, sys
work, cases = sys.argv[1], int(sys.argv[2])
cjk = re.compile(r'[\u3400-\u9fff]')
# Words that may stand in a Chinese line: option values, codes and command words keqing's users type.
keep = set("""roster rep add list import person event show edit tier assign close reopen complaint step
gaps export remove remind report plan table csv json markdown html xlsx ics text auto this last today
yesterday tomorrow none true false mon tue wed thu fri sat sun kept solved visit call message undo
birthday wedding birth anniversary bereavement illness accident prospect new developing stable key
assigned anyone opened_on utf gbk id name team""".split())
def wrong(lang, path):
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip()]
    if not lines:
        return "no output"
    for line in lines:
        if lang == "en":
            if re.search(r'[，；：（）。、]|请|不是|未知|错误', line):
                return "not English: " + line
            continue
        # a command line of an example, an option's name alone (its description on the next line)
        if cjk.search(line) is None and not re.fullmatch(
                r'\s*(log-visit|roster|remind|plan|check-quota|report)\b.*|\s*R\d.*|\s+-\S*( \S+)?', line):
            return "not Chinese: " + line
        # commands and values as typed, column lists (code,name,tier)
        # and a parser's own words, quoted as such (TOML syntax errors)
        text = re.sub(r'`[^`]*`|\'[^\']*\'|"[^"]*"|\S*,\S*|原文：[^）]*）', ' ', line)
        run = 0
        for token in re.split(r'[\s，；：（）。、,;:()\[\]]+', text):
            word = re.fullmatch(r'[A-Za-z][a-z]+', token) is not None and token.lower() not in keep
            run = run + 1 if word else 0
            if run >= 3:
                return "untranslated English: " + line
    return None
for i in range(cases):
    desc = open(f"{work}/case{i}.desc", encoding="utf-8").read().strip()
    problems = [p for p in (wrong("zh", f"{work}/case{i}.zh"), wrong("en", f"{work}/case{i}.en")) if p]
    print("ok" if not problems else f"{desc}: " + "; ".join(problems))
PY
}

both "unknown customer" err log-visit HZ999 --call
both "ambiguous name" err log-visit 康泰 --call
both "impossible date" err log-visit HZ001 --call --date 2026-02-30
both "malformed CSV row" err log-visit --import "$WORK/bad_row.csv"
both "malformed rules TOML" err check-quota --rules "$WORK/bad_rules.toml"
both "unknown option" err roster list --bogus
both "missing subcommand" err roster
both "value not allowed" err check-quota --format x
both "option needs a value" err log-visit --format
both "missing database" err env KEQING_DB="$WORK/none/k.db" roster list
both "empty argument" err log-visit HZ001 --note ''
both "unknown tier" err check-quota --tier Z
mkdir -p "$WORK/config/keqing"
printf 'db = "x\n' >"$WORK/config/keqing/config.toml"
both "malformed config TOML" err roster list
rm "$WORK/config/keqing/config.toml"
both "a file that does not exist" err roster import "$WORK/no-such.csv"
both "a folder as the database" err roster list --db "$WORK"
both "keqing: not a tool" err keqing bogus
both "keqing --help" out keqing --help

# expect_zh TEXT DESCRIPTION: the one stderr line is TEXT (Chinese; expect_err wants English "error:").
expect_zh() { if [ "$(cat "$WORK/err")" = "$1" ]; then pass; else fail "$2: expected '$1'"; fi; }
run env LANG=zh_CN.UTF-8 log-visit HZ999 --call
expect_zh "log-visit：错误：未知客户 'HZ999'：没有匹配的代码或名称；用 \`roster list\` 查看，或用 \`roster add\` 添加" \
  "the unknown customer in Chinese"
run env LANG=zh_CN.UTF-8 roster list --bogus
expect_zh "roster：错误：多余的参数：--bogus；参见 roster --help" "CLI11's error in Chinese"
# The system's reason (core::reason) and what a database command was doing, in Chinese; English unchanged.
run env LANG=zh_CN.UTF-8 roster import "$WORK/no-such.csv"
expect_zh "roster：错误：$WORK/no-such.csv：无法读取文件：没有那个文件或目录" "ENOENT in Chinese"
run env LANG=C.UTF-8 roster import "$WORK/no-such.csv"
expect_err "cannot read the file: No such file or directory" "ENOENT in English, as strerror says it"
run env LANG=zh_CN.UTF-8 roster import "$WORK"
expect_rc 3 "a folder to import"
run env LANG=zh_CN.UTF-8 roster list --db "$WORK"
expect_zh "roster：错误：数据库 $WORK：打开 失败：无法打开数据库文件；无法打开该文件，或无法在旁边创建它的 -wal / -shm 文件；请确认文件夹存在且可写（--db 或 KEQING_DB）" \
  "a database that cannot be opened: what was being done and SQLite's reason in Chinese"
run env LANG=C.UTF-8 roster list --db "$WORK"
expect_err "database $WORK: opening failed: unable to open database file;" "the same in English"
# The keqing front end: help and errors in the reader's language (the locale or KEQING_LANGUAGE).
run env LANG=zh_CN.UTF-8 keqing bogus
expect_rc 2 "keqing bogus"
expect_zh "keqing：错误：'bogus' 不是 keqing 的工具；工具有 roster、log-visit、check-quota、remind、report 和 plan（见 keqing --help）" \
  "keqing's error in Chinese"
run env LANG=C.UTF-8 KEQING_LANGUAGE=zh keqing --help
expect_out "用法：keqing 工具" "keqing --help in Chinese by KEQING_LANGUAGE"
expect_out "  log-visit     一行记录一次拜访、电话或消息" "keqing --help's tools in Chinese"
run env LANG=C.UTF-8 keqing --help
expect_out "Usage: keqing TOOL [ARGS…]" "keqing --help in English"

for tool in roster log-visit check-quota remind report plan; do
  both "$tool --help" out "$tool" --help
done
for sub in add list import tier "rep list" "person add" "event remove" "complaint step"; do
  # shellcheck disable=SC2086
  both "roster $sub --help" out roster $sub --help
done
while IFS= read -r verdict; do
  if [ "$verdict" = ok ]; then pass; else fail "$verdict"; fi
done < <(check_languages)
LANG=zh_CN.UTF-8 roster --help >"$WORK/out"
expect_out "用法：roster [选项] 子命令" "help headings in Chinese"
expect_out "显示本帮助并退出" "CLI11's own help line in Chinese"

# The language setting: config `language` over the locale, KEQING_LANGUAGE over both, help included.
printf 'language = "zh"\n' >"$WORK/config/keqing/config.toml"
LANG=C.UTF-8 roster --help >"$WORK/out"
expect_out "显示本帮助并退出" "config language = zh: help in Chinese under LANG=C"
run env LANG=C.UTF-8 log-visit HZ999 --call
expect_zh "log-visit：错误：未知客户 'HZ999'：没有匹配的代码或名称；用 \`roster list\` 查看，或用 \`roster add\` 添加" \
  "config language = zh: errors in Chinese under LANG=C"
run env LANG=zh_CN.UTF-8 KEQING_LANGUAGE=en log-visit HZ999 --call
expect_err "unknown customer 'HZ999'" "KEQING_LANGUAGE=en over config and locale"
printf 'language = "fr"\n' >"$WORK/config/keqing/config.toml"
run roster list
expect_rc 3 "unknown language in config"
expect_err "unknown language 'fr'" "unknown language in config"
rm "$WORK/config/keqing/config.toml"
run env KEQING_LANGUAGE=klingon roster list
expect_rc 2 "unknown KEQING_LANGUAGE"

# What programs read never changes with the language.
same() { # DESCRIPTION CMD…
  local desc=$1
  shift
  LANG=zh_CN.UTF-8 "$@" >"$WORK/zh.out" 2>/dev/null
  local zh=$?
  LANG=C.UTF-8 "$@" >"$WORK/en.out" 2>/dev/null
  local en=$?
  if [ "$zh" -eq "$en" ] && cmp -s "$WORK/zh.out" "$WORK/en.out" && [ -s "$WORK/en.out" ]; then pass; else
    fail "$desc: differs between Chinese and English (exit $zh, $en)"; fi
}
same "check-quota json" check-quota --all --format json
same "check-quota csv" check-quota --all --format csv
same "roster list csv" roster list --format csv
same "roster export" roster export
same "log-visit --list csv" log-visit --list --rep wang --format csv
same "report json" report --month 2026-11 --format json
same "report csv" report --month 2026-11 --format csv
finish
