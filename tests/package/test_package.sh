#!/usr/bin/env bash
# The Debian package on a clean machine (issue 21 item 6; `make test-package`, CI): build/keqing_*.deb is
# installed with dpkg into a fresh root (its own empty dpkg database, nothing else in it), then the
# installed front end runs `keqing check-quota --version` and the demo, man finds and renders the pages
# (English and zh_CN), bash, zsh and fish complete through the installed scripts; the package is removed
# and purged and nothing may be left behind. Also: apt accepts its Depends on this Debian, and no file in
# it belongs to a Debian package (apt-file's Contents index, when apt-file is set up).
# Usage: tests/package/test_package.sh BUILD_DIR
set -uo pipefail
[ "$(id -u)" = 0 ] || { echo "test_package: dpkg --root needs root (sudo tests/package/test_package.sh BUILD)" >&2; exit 1; }
build=$(cd "${1:-build}" && pwd)
deb=$(ls "$build"/keqing_*.deb 2>/dev/null | tail -1)
[ -n "$deb" ] || { echo "no $build/keqing_*.deb: run make package first" >&2; exit 1; }
root=$(mktemp -d "${TMPDIR:-/tmp}/keqing-root.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/keqing-pkg.XXXXXX")
trap 'rm -rf "$root" "$work"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@" >"$work/out" 2>"$work/err"; then pass; else fail "$what: $(head -c 400 "$work/err")"; fi; }
has() { grep -qF -- "$1" "$work/out" && pass || fail "$2: output lacks '$1': $(head -c 300 "$work/out")"; }

# A fresh root: an empty dpkg database and nothing else.
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/tmp"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# --force-depends: the root has no libraries (the programs run with this machine's, the same Debian);
# apt checks below that the Depends resolve.
check "dpkg installs the package into a fresh root" dpkg --root="$root" --force-depends -i "$deb"
check "dpkg lists it installed" dpkg --root="$root" -s keqing
has "Status: install ok installed" "installed"
bin=$root/usr/bin

# The tools, through the front end: keqing-TOOL is found beside it.
check "keqing check-quota --version" "$bin/keqing" check-quota --version
has "check-quota (keqing)" "the version line"
for plain in roster log-visit check-quota remind report plan; do
  [ ! -e "$bin/$plain" ] && pass || fail "the plain name $plain is installed (Debian's remind owns /usr/bin/remind)"
done
check "the installed demo runs on the installed tools" bash "$root/usr/share/keqing/examples/demo.sh" "$bin"
has "HZ001" "the demo's check-quota lists customers"
has "remind --rep wang" "the demo reaches the digest"
check "the installed rules load" "$bin/keqing" remind --rules "$root/usr/share/keqing/rules.toml" --calendar 2027 --format csv
has "mid-autumn" "the calendar from the installed rules"

# man: the pages are where man looks, in English and Chinese.
export MANPATH=$root/usr/share/man
check "man -w keqing-remind" man -w keqing-remind
has "$root/usr/share/man/man1/keqing-remind.1.gz" "the English page's path"
check "man keqing-remind renders" env MANWIDTH=80 LANG=C.UTF-8 man keqing-remind
has "what each rep owes soon" "the English page"
check "man -L zh_CN keqing-remind" env MANWIDTH=80 LANG=C.UTF-8 man -L zh_CN keqing-remind
has "每位业务员近期要做的事" "the Chinese page"
for page in "5 keqing-rules" "7 keqing" "1 keqing" "1 keqing-plan" "1 keqing-roster" "1 keqing-log-visit" "1 keqing-check-quota" "1 keqing-report"; do
  check "man $page" man -w $page
done

# Completions, through the installed scripts and executables, on the demo's database.
export KEQING_DB=$work/demo.db
KEQING_DB=$KEQING_DB bash "$root/usr/share/keqing/examples/demo.sh" "$bin" >/dev/null 2>&1
check "bash completes a customer code" env PATH="$bin:$PATH" bash -c '
  source "$1"; COMP_WORDS=(keqing-check-quota --customer HZ00); COMP_CWORD=2; _keqing_complete
  printf "%s\n" "${COMPREPLY[@]}"' _ "$root/usr/share/bash-completion/completions/keqing-check-quota"
has "HZ001" "bash: customer codes from the database"
check "bash completes the front end's tools" env PATH="$bin:$PATH" bash -c '
  source "$1"; COMP_WORDS=(keqing rem); COMP_CWORD=1; _keqing_complete; printf "%s\n" "${COMPREPLY[@]}"' \
  _ "$root/usr/share/bash-completion/completions/keqing"
has "remind" "bash: keqing rem → remind"
if command -v zsh >/dev/null; then
  # The installed _keqing run as zsh's completion system runs it, with compadd and _files standing in
  # (they only work inside a completion widget): what it would offer.
  check "zsh completes a rep id" env PATH="$bin:$PATH" zsh -f -c '
    compadd() { print -rl -- "$@" }; _files() { print _files }; compset() { : }
    words=(keqing check-quota --rep w); CURRENT=4; PREFIX=w; source "$1"
    words=(keqing-remind --output-dir ""); CURRENT=3; PREFIX=; source "$1"' _ "$root/usr/share/zsh/vendor-completions/_keqing"
  has "wang" "zsh: rep ids from the database"
  has "_files" "zsh: file names for --output-dir"
else
  echo "zsh not installed: its completion is not tried"
fi
if command -v fish >/dev/null; then
  check "fish completes a tier" env PATH="$bin:$PATH" XDG_DATA_DIRS="$root/usr/share" fish --no-config -c \
    "source $root/usr/share/fish/vendor_completions.d/keqing-roster.fish; complete -C 'keqing-roster list --tier '"
  has "A" "fish: tiers from the rules"
  check "fish completes through the front end" env PATH="$bin:$PATH" fish --no-config -c \
    "source $root/usr/share/fish/vendor_completions.d/keqing.fish; complete -C 'keqing report --format '"
  has "html" "fish: report formats"
else
  echo "fish not installed: its completion is not tried"
fi

# The Depends name every library the tools need, the dlopen-ed libxlsxwriter too (dpkg-shlibdeps misses it).
check "the package's Depends" dpkg-deb -f "$deb" Depends
has "libxlsxwriter4" "Depends: libxlsxwriter (opened with dlopen)"
has "libsqlite3" "Depends: SQLite (linked)"
has "zlib1g" "Depends: zlib (linked: the report's packed goals)"
# apt accepts the package's Depends on this Debian (a simulation: nothing is installed).
check "apt-get resolves the Depends" apt-get install -s "$deb"
# No file of the package belongs to a Debian package (apt-file's Contents index, when it is there).
if command -v apt-file >/dev/null && apt-file search -x '^/usr/bin/remind$' 2>/dev/null | grep -q remind; then
  files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}')
  pattern="^($(printf '%s\n' "$files" | sed 's/[.+]/\\&/g' | paste -sd'|'))$"
  clash=$(apt-file search -x "$pattern" 2>/dev/null)
  [ -z "$clash" ] && pass || fail "files owned by Debian packages: $clash"
else
  echo "apt-file has no Contents index (apt-file update): Debian's file lists not checked"
fi

# Removed and purged: nothing of it is left in the root but dpkg's own database.
check "dpkg removes it" dpkg --root="$root" -r keqing
check "dpkg purges it" dpkg --root="$root" -P keqing
left=$(cd "$root" && find . -mindepth 1 ! -path './var' ! -path './var/lib' ! -path './var/lib/dpkg' \
  ! -path './var/lib/dpkg/*' ! -path './tmp' | head -20)
[ -z "$left" ] && pass || fail "left behind after purge: $left"
[ -z "$(ls "$root/var/lib/dpkg/info" | grep '^keqing')" ] && pass || fail "dpkg still has keqing's lists"

echo "test_package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
