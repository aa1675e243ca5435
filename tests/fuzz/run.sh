#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time: tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET].
# The committed seeds in corpus/<name>/ are read, never written (new inputs go to a scratch folder);
# a crash, leak, sanitizer report or timeout fails the run and leaves the input in BUILD_DIR/fuzz-findings/.
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
findings=$build/fuzz-findings
mkdir -p "$findings"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/keqing-fuzz.XXXXXX")
trap 'rm -rf "$scratch" /tmp/keqing-fuzz-config.* /tmp/keqing-fuzz-args.*' EXIT
status=0
for target in "$build"/fuzz/fuzz_*; do
  name=$(basename "$target")
  name=${name#fuzz_}
  mkdir -p "$scratch/$name"
  if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
      -artifact_prefix="$findings/$name-" "$scratch/$name" "$here/corpus/$name" >"$scratch/$name.log" 2>&1; then
    echo "fuzz_$name: $(grep -oE '#[0-9]+' "$scratch/$name.log" | tail -1 | tr -d '#') inputs in ${seconds} s, no findings"
  else
    echo "fuzz_$name: FAILED; the input is in $findings/, the end of the log follows" >&2
    tail -40 "$scratch/$name.log" >&2
    status=1
  fi
done
exit $status
