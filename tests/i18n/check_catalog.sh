#!/usr/bin/env bash
# Fails when a message marked for translation in lib/ or apps/ (tr, trf, trn, trnf, N_, the error makers,
# CLI11's help texts; po/CMakeLists.txt) has no Chinese
# translation in po/zh_CN/, when one is fuzzy, or when a translation's {} fields differ from its msgid's.
# Usage: check_catalog.sh SOURCE_DIR
set -euo pipefail
src=${1:?source directory}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
find lib apps -name '*.cpp' -o -name '*.hpp' | sort > "$work/files"
# The keywords of po/CMakeLists.txt: the i18n functions, the error makers, CLI11's help texts.
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trf --keyword=trn:1,2 --keyword=trnf:1,2 \
    --keyword=N_ --keyword=data_error --keyword=db_error --keyword=usage_error --keyword=add_option:3 \
    --keyword=add_flag:3 --keyword=add_subcommand:2 --keyword=add_option_group:2 --keyword=footer \
    --files-from="$work/files" -o "$work/keqing.pot"
[ -s "$work/keqing.pot" ] || { echo "check_catalog: no marked message found" >&2; exit 1; }
msgcat --use-first --to-code=UTF-8 -o "$work/zh_CN.po" po/zh_CN/*.po
status=0
# Every msgid of the sources has a translation that is neither empty nor fuzzy.
msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$work/zh_CN.po" "$work/keqing.pot"
msgattrib --untranslated --no-obsolete -o "$work/untranslated.po" "$work/merged.po"
msgattrib --only-fuzzy --no-obsolete -o "$work/fuzzy.po" "$work/merged.po"
touch "$work/untranslated.po" "$work/fuzzy.po"
/usr/bin/python3 - "$work/untranslated.po" "$work/fuzzy.po" <<'PY' || status=1
import re, sys
ids = []
for path in sys.argv[1:]:
    for m in re.finditer(r'^msgid ((?:".*"\n)+)', open(path, encoding="utf-8").read(), re.M):
        text = "".join(eval(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', m.group(1)))
        if text:
            ids.append(text)
for text in ids[:200]:
    print(f"check_catalog: untranslated: {text!r}", file=sys.stderr)
if ids:
    print(f"check_catalog: {len(ids)} messages untranslated; add them to po/zh_CN/", file=sys.stderr)
sys.exit(1 if ids else 0)
PY
# Each translation keeps its msgid's replacement fields, in order.
/usr/bin/python3 - "$work/zh_CN.po" <<'PY' || status=1
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def unq(block):
    return "".join(eval(s) for s in re.findall(r'"(?:[^"\\]|\\.)*"', block))
bad = 0
for m in re.finditer(r'^msgid ((?:".*"\n)+)(?:msgid_plural ((?:".*"\n)+))?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)', text, re.M):
    msgid = unq(m.group(1))
    if not msgid:
        continue
    fields = re.findall(r'\{[^{}]*\}', msgid.replace('{{', '').replace('}}', ''))
    for s in re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n)+)', m.group(3)):
        if not unq(s):
            continue
        got = re.findall(r'\{[^{}]*\}', unq(s).replace('{{', '').replace('}}', ''))
        if got != fields:
            print(f"check_catalog: fields differ: {msgid!r} → {unq(s)!r}", file=sys.stderr)
            bad += 1
sys.exit(1 if bad else 0)
PY
exit $status
