# End-to-end, SQLite only (nothing here touches a database server): the install rules (issue 21 items 1-2).
# `cmake --install` into a staging root puts the front end and keqing-TOOL (never a plain name: Debian's
# remind owns /usr/bin/remind), the rules and examples under share/keqing/, man pages in English and
# zh_CN and the completions where Debian's shells read them; the installed front end runs the installed
# tools; every man page renders; and every long option a tool's --help lists is in its man page, in both
# languages (the pages are written by hand: this keeps them from falling behind the code).
source "$(dirname "$0")/lib.sh"
sqlite_only "the install rules do not depend on the backend"
BUILD=$(cd "$BIN/.." && pwd)
DEST=$WORK/root
run env DESTDIR="$DEST" cmake --install "$BUILD" --prefix /usr
expect_rc 0 "cmake --install into a staging root"
(cd "$DEST" && find . -type f | sort) >"$WORK/files"
for f in bin/keqing bin/keqing-roster bin/keqing-log-visit bin/keqing-check-quota bin/keqing-remind \
  bin/keqing-report bin/keqing-plan share/man/man1/keqing-plan.1.gz share/keqing/rules.toml share/keqing/examples/demo.sh share/keqing/examples/customers.csv \
  share/keqing/examples/cron/mail-digests.sh share/man/man1/keqing.1.gz share/man/man1/keqing-remind.1.gz \
  share/man/man5/keqing-rules.5.gz share/man/man7/keqing.7.gz share/man/zh_CN/man1/keqing-remind.1.gz \
  share/man/zh_CN/man5/keqing-rules.5.gz share/man/zh_CN/man7/keqing.7.gz \
  share/bash-completion/completions/keqing share/bash-completion/completions/keqing-remind \
  share/zsh/vendor-completions/_keqing share/fish/vendor_completions.d/keqing-remind.fish; do
  grep -qxF "./usr/$f" "$WORK/files" && pass || fail "installs /usr/$f"
done
grep -qE '^\./usr/bin/(roster|log-visit|check-quota|remind|report|plan)$' "$WORK/files" &&
  fail "a plain tool name is installed" || pass
[ "$(grep -c '^\./usr/share/man/' "$WORK/files")" -eq 18 ] && pass || fail "9 man pages in 2 languages"

run "$DEST/usr/bin/keqing" check-quota --version
expect_out "check-quota (keqing)" "the installed front end runs the installed keqing-check-quota"
run "$DEST/usr/bin/keqing" remind --calendar 2027 --format csv
expect_out "mid-autumn" "an installed tool works"
run "$DEST/usr/bin/keqing" nosuch
expect_rc 2 "an unknown tool"
expect_err "'nosuch' is not a keqing tool" "names the tool and the tools there are"
run "$DEST/usr/bin/keqing"
expect_rc 2 "no tool"

# Every page renders without a warning from groff (English; Chinese lines groff cannot break are expected).
for page in "$DEST"/usr/share/man/man?/*.gz; do
  MANWIDTH=80 LANG=C.UTF-8 man --warnings -l "$page" >"$WORK/out" 2>"$WORK/err"
  [ -s "$WORK/out" ] && [ ! -s "$WORK/err" ] && pass || fail "man $(basename "$page"): $(head -c 300 "$WORK/err")"
done
for page in "$DEST"/usr/share/man/zh_CN/man?/*.gz; do
  MANWIDTH=80 LANG=C.UTF-8 man -l "$page" 2>/dev/null | grep -q '参见' && pass || fail "man zh_CN $(basename "$page")"
done

# Each tool's long options (and each roster subcommand's) are in its man pages.
options_of() { "$@" --help | grep -oE -- '--[a-z][a-z-]+' | grep -vx -- '--help'; }
for tool in log-visit check-quota remind report plan roster; do
  opts=$(options_of "$tool")
  if [ "$tool" = roster ]; then
    for sub in add edit list show import export tier assign close reopen "rep add" "rep list" "rep import" \
      "person add" "person edit" "person list" "person import" "event add" "event list" "event import"; do
      opts+=$'\n'$(options_of roster $sub)
    done
  fi
  for lang in en zh_CN; do
    missing=$(sort -u <<<"$opts" | while read -r o; do grep -qF -- "*$o*" "$SRC/docs/man/$lang/keqing-$tool.1.scd" || echo "$o"; done)
    [ -z "$missing" ] && pass || fail "docs/man/$lang/keqing-$tool.1.scd lacks $(echo $missing)"
  done
done
finish
