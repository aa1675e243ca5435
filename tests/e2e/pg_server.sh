#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's postgresql package: a new cluster in a private
# folder of its own (mktemp, mode 0700, owned by the user the server runs as: `postgres` when run as root,
# so that a clone in /root works), reachable only through a Unix socket in that folder — no TCP port, so
# no other local user can reach it, and `trust` on that socket is the suite's alone. C locale.
#   pg_server.sh start DIR   starts it; writes its base URL to DIR/url and its folder to DIR/home
#   pg_server.sh stop DIR    stops it and removes its folder and DIR
# DIR (in the build tree) holds only those two small files: the postgres user need not enter it.
# Exit 77 when PostgreSQL's server programs are not installed (ctest then reports the tests as skipped;
# `make deps` installs them). KEQING_PG_FSYNC=on keeps fsync on (benchmarks); tests run without it.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a folder}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_server.sh: PostgreSQL's server is not installed (apt-get install postgresql); skipping" >&2
  exit 77
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  local home
  home=$(cat "$dir/home" 2>/dev/null || true)
  if [ -n "$home" ] && [ -d "$home/data" ]; then as_owner "$bindir/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  [ -n "$home" ] && rm -rf "$home"
  rm -rf "$dir"
}

case "$cmd" in
start)
  stop
  mkdir -p "$dir"
  home=$(mktemp -d "${TMPDIR:-/tmp}/keqing-pg.XXXXXX") # 0700
  echo "$home" >"$dir/home"
  [ "$(id -u)" = 0 ] && chown postgres "$home"
  as_owner "$bindir/initdb" -D "$home/data" -U postgres --auth-local=trust --auth-host=reject --locale=C.UTF-8 \
    --encoding=UTF8 >"$home/initdb.log" 2>&1 || { cat "$home/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -p 5432 -k $home -c fsync=${KEQING_PG_FSYNC:-off} -c max_connections=200" >/dev/null ||
    { cat "$home/server.log" >&2; exit 1; }
  # The socket's folder as the URL's host, percent-encoded (libpq reads a host starting with / as a folder).
  echo "postgresql://postgres@${home//\//%2F}:5432" >"$dir/url"
  cat "$dir/url"
  ;;
stop) stop ;;
*)
  echo "pg_server.sh: start or stop, not '$cmd'" >&2
  exit 2
  ;;
esac
