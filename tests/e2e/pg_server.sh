#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's postgresql package: a new cluster in DIR,
# listening on 127.0.0.1 only (and a socket in DIR), trust authentication for loopback, C locale.
#   pg_server.sh start DIR   starts it (a free port) and writes its base URL to DIR/url
#   pg_server.sh stop DIR    stops it and removes DIR
# As root, the server runs as the postgres user (initdb refuses root). Exit 77 when PostgreSQL's server
# programs are not installed (ctest then reports the tests as skipped; `make deps` installs them).
# KEQING_PG_FSYNC=on keeps fsync on (benchmarks); tests run without it.
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

case "$cmd" in
start)
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${KEQING_PG_FSYNC:-off} -c max_connections=200" >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql://postgres@127.0.0.1:$port" >"$dir/url"
  cat "$dir/url"
  ;;
stop)
  if [ -d "$dir/data" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "pg_server.sh: start or stop, not '$cmd'" >&2
  exit 2
  ;;
esac
