# End-to-end: a reviewer with LANG=zh_CN.UTF-8 runs the README's examples and reads Chinese throughout (issue
# 20's acceptance). Every command of the README's shell blocks (as test_readme.sh walks them: roster list /
# show / gaps, log-visit and its undo, history, check-quota, remind, report, plan, errors, --help, imports
# from stdin) is run in order under LANG=zh_CN.UTF-8 on one new database, the day fixed as test_readme.sh
# fixes it; each must exit as the README says, and what it prints for people must hold no message of the
# catalog left in English — no msgid whose msgstr differs appearing verbatim (a phrase of two or more words,
# or a table header) — and no English status word (met, on track, behind, missed). What machines read (JSON,
# CSV, a command that asks for English with LANG=C) is left out: it is English by design.
source "$(dirname "$0")/lib.sh"
sqlite_only "the language of the output does not depend on the backend (test_i18n_output.sh, the same)"
export KEQING_NOW=2026-11-20T17:00 KEQING_REP=wang
export LANG=zh_CN.UTF-8
SCRATCH=$WORK/readme
mkdir -p "$SCRATCH" "$WORK/outs"
: >"$WORK/err" # fail() shows it; the commands' stderr is kept with their stdout
ln -s "$SRC/examples" "$SCRATCH/examples"
source "$(dirname "$0")/readme_walk.sh"
readme_blocks

# The catalog as the build merges it (po/CMakeLists.txt): its msgids with a translation that differs.
msgcat --use-first --to-code=UTF-8 -o "$WORK/zh_CN.po" "$SRC"/po/zh_CN/*.po || { echo "msgcat failed"; exit 1; }

# for_people COMMAND: whether COMMAND's output is for people in Chinese (not JSON, CSV or asked in English).
for_people() {
  [[ $1 =~ (^|[[:space:]])(roster|log-visit|check-quota|remind|report|plan|keqing)([[:space:]]|$) ]] || return 1
  [[ $1 =~ --format[[:space:]=](json|csv|xlsx)|--json|LANG=C|KEQING_LANGUAGE=en ]] && return 1
  [[ $1 =~ [[:space:]]export([[:space:]]|$) && ! $1 =~ [[:space:]](-o|--output)[[:space:]] ]] && return 1 # CSV
  return 0
}

checked=0
# run_zh WHERE COMMAND ERROR: runs COMMAND in Chinese in the scratch folder; its exit status must be the
# README's (ERROR=1: a transcript showing an error, any non-zero); keeps the output of one for people.
run_zh() {
  local where=$1 command=$2 error=$3
  (cd "$SCRATCH" && bash -c "$command") </dev/null >"$WORK/out" 2>&1
  rc=$?
  if [ "$error" = 1 ]; then
    [ "$rc" -ne 0 ] && pass || fail "$where: \`$command\` succeeded in Chinese; the README shows an error"
  else
    [[ " $(allowed_status "$command") " == *" $rc "* ]] && pass ||
      fail "$where: \`$command\` exited $rc in Chinese, the README says $(allowed_status "$command")"
  fi
  if for_people "$command"; then
    checked=$((checked + 1))
    { echo "$where: $command"; cat "$WORK/out"; } >"$WORK/outs/$(printf %03d "$checked")"
  fi
}
on_command() { run_zh "$1" "$2" 0; }
on_transcript() {
  local error=0
  grep -Eq '^[a-z-]*(: error: |：错误：)' <<<"$3" && error=1
  run_zh "$1" "$2" "$error"
}
readme_walk
[ "$ran" -ge 7 ] && pass || fail "ran $ran README blocks, expected at least 7"
[ "$checked" -ge 60 ] && pass || fail "checked $checked outputs for people, expected at least 60"

# English left in the outputs kept: one line per finding, "README.md:LINE: command: what".
left=$(/usr/bin/python3 - "$WORK/zh_CN.po" "$WORK/outs" <<'PY'
import os, re, sys
po, folder = sys.argv[1], sys.argv[2]
def unq(block):
    return "".join(eval(s) for s in re.findall(r'"(?:[^"\\]|\\.)*"', block))
phrases, headers = set(), set()
text = open(po, encoding="utf-8").read()
for m in re.finditer(r'^msgid ((?:".*"\n)+)(?:msgid_plural ((?:".*"\n)+))?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)', text, re.M):
    msgid = unq(m.group(1))
    strs = [unq(s) for s in re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n)+)', m.group(3))]
    if not msgid or all(s == msgid for s in strs):
        continue  # the header, or a message the same in both languages
    for msg in [msgid] + ([unq(m.group(2))] if m.group(2) else []):
        for part in re.split(r'\{[^{}]*\}|\n', msg):
            part = part.strip(" \t:;,.()[]—-–'\"`·/")
            if len(re.findall(r"[A-Za-z]+", part)) >= 2 and re.search(r"[A-Za-z]{2,}[^A-Za-z_]*[ ][^A-Za-z_]*[A-Za-z]{2,}", part):
                if not re.search(r"--|`|^(roster|log-visit|check-quota|remind|report|plan|keqing) ", part):  # typed
                    phrases.add(part)
            elif re.fullmatch(r"[A-Z]{3,}", part):
                headers.add(part)  # a table header: CODE, NAME, VOIDED …
allowed = set("""visit call message third_party gift wang li zhao keqing csv json html ics markdown text
  table xlsx key stable new developing birthday wedding partnership illness bereavement birth anniversary
  accident harvest breakthrough consolidation growth defense hibernation paused seed remind plan report
  roster email qq count_late same_day_limit min km stdin utf gbk id name team none true false auto""".split())
status = re.compile(r"\b(met|on[ _]track|behind|missed)\b", re.I)
for name in sorted(os.listdir(folder)):
    lines = open(os.path.join(folder, name), encoding="utf-8").read().splitlines()
    where, body = lines[0], "\n".join(lines[1:])
    # what is typed stays as typed: options, commands to run, the mail header; ICS property names
    body = re.sub(r"--[a-z][a-z-]*", " ", body)
    body = re.sub(r"`[^`]*`", " ", body)
    body = re.sub(r"^Subject: ", "", body, flags=re.M)
    body = re.sub(r"^[A-Z-]+(;[^:\n]*)?:", "", body, flags=re.M)
    found = sorted(p for p in phrases if p in body)
    found += sorted(h for h in headers if re.search(r"(?<![A-Za-z_])" + h + r"(?![A-Za-z_])", body))
    found += sorted(set(m.group(0) for m in status.finditer(body)))
    # English no msgid names (text never marked for the catalog): three words in a row that are not the
    # rules' or the data's words, command words or values.
    for m in re.finditer(r"[A-Za-z][A-Za-z_'-]*(?:[ ]+[A-Za-z][A-Za-z_'-]*){2,}", body):
        words = [w for w in m.group(0).split() if w.lower() not in allowed]
        if len(words) >= 3 and not re.match(r"(roster|log-visit|check-quota|remind|report|plan|keqing) ", m.group(0)):
            found.append(m.group(0))
    if found:
        print(f"{where}: {' | '.join(found[:6])}")
PY
)
[ -z "$left" ] && pass || fail "English left under LANG=zh_CN.UTF-8:
$left"
finish
