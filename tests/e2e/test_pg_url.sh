# End-to-end: no secret of a PostgreSQL URL is ever printed. A URL libpq cannot parse is refused with
# libpq's reason alone, a connection that fails names the database by the URL rebuilt from its parsed
# options (never the password), and libpq's own message is scrubbed of the password; exit 4 each time,
# one line. Every URL here fails before or at connecting, so no server is needed.
source "$(dirname "$0")/lib.sh"
sqlite_only "the URLs fail before or at connecting and need no server"
unset PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGOPTIONS PGSSLMODE
export KEQING_REP=wang KEQING_NOW=2026-11-20T20:00 PGCONNECT_TIMEOUT=5

# Fragments of the password s3cr3tPW as the URLs below spell it: whole, split by '@', '/', a quote or a
# line break, or with a bad escape inside.
SECRET='s3cr|cr3t|3tPW|zzcr|@PW|PW@|/PW'

# After `run`: exit 4 (or $STATUS), one line "TOOL: error: …" containing TEXT, and nothing matching SECRET
# in stdout or stderr.
expect_refused() { # TOOL TEXT DESCRIPTION [SECRET]
  local tool=$1 text=$2 desc=$3 secret=${4:-$SECRET}
  expect_rc "${STATUS:-4}" "$desc"
  expect_err "$text" "$desc"
  if grep -q "^$tool: error: " "$WORK/err"; then pass; else fail "$desc: the line does not start with '$tool: error: '"; fi
  if grep -qE -- "$secret" "$WORK/out" "$WORK/err"; then fail "$desc: the password shows"; else pass; fi
}

# Each URL through --db and through KEQING_DB, to a reading and a writing tool.
refused() { # URL TEXT DESCRIPTION [SECRET]
  local url=$1 text=$2 desc=$3 secret=${4:-$SECRET}
  run check-quota --db "$url" --all
  expect_refused check-quota "$text" "check-quota --db, $desc" "$secret"
  KEQING_DB=$url run check-quota --all
  expect_refused check-quota "$text" "check-quota with KEQING_DB, $desc" "$secret"
  run log-visit --db "$url" HZ001 --call
  expect_refused log-visit "$text" "log-visit --db, $desc" "$secret"
  KEQING_DB=$url run log-visit HZ001 --call
  expect_refused log-visit "$text" "log-visit with KEQING_DB, $desc" "$secret"
}

# URLs libpq cannot parse: libpq quotes the offending part (or the whole URL) in its message.
MALFORMED="database URL given by --db, KEQING_DB or \`db\` in the config file is malformed"
refused 'postgresql://wang:s3cr3tPW@[::1/db' "$MALFORMED: unterminated IPv6 host address" "unterminated IPv6"
refused 'postgresql://wang:s3%zzcr3tPW@host/db' \
  "$MALFORMED: invalid percent-encoded token; write it as postgresql://USER@HOST:PORT/DBNAME and keep the password in ~/.pgpass" \
  "bad percent escape"
refused 'postgresql://wang:s3"cr3tPW@[::1/db' "$MALFORMED: unterminated IPv6" "a quote in the password"
# A control character is refused in any argument or environment value before it is read as a URL
# (exit 2, with its position only).
STATUS=2 refused $'postgresql://wang:s3cr\n3tPW@[::1/db' "has a control character (U+000A line feed) at character 23" \
  "a line break in the password"

# URLs that parse, but with part of the password spilt into the host, port or database name.
refused 'postgresql://wang:s3cr3t@PW@127.0.0.1:1/db' "$MALFORMED: an '@' in the host" "an unencoded @"
refused 'postgresql://wang:s3cr3t/PW@127.0.0.1:1/db' "$MALFORMED: an '@' in the host" "an unencoded /"

# URLs that parse but do not connect: the database is named by the rebuilt URL.
CANNOT="cannot connect to database"
refused 'postgresql://wang:s3cr3tPW@127.0.0.1:notaport/db' \
  "$CANNOT postgresql://wang@127.0.0.1:notaport/db: invalid integer value" "a bad port"
refused 'postgresql://wang@127.0.0.1:1/db?password=s3cr3tPW&sslmode=disable' \
  "$CANNOT postgresql://wang@127.0.0.1:1/db?sslmode=disable: " "the password in the query, refused"
refused 'postgresql://wang:s3cr3tPW@127.0.0.1:1/db' "$CANNOT postgresql://wang@127.0.0.1:1/db: " "refused"
refused 'postgres://wang:s3cr3tPW@127.0.0.1:1/db?sslpassword=s3cr3tPW&application_name=kq' \
  "$CANNOT postgresql://wang@127.0.0.1:1/db?application_name=kq: " "sslpassword, refused"
# A socket folder as host: its slashes percent-encoded, given in the authority or as ?host=.
refused 'postgresql://wang:s3cr3tPW@%2Fnonexistent%2Fkq/db' \
  "$CANNOT postgresql://wang@%2Fnonexistent%2Fkq/db: " "a socket folder"
refused 'postgresql:///db?host=/nonexistent/kq&port=5999&user=wang&password=s3cr3tPW' \
  "$CANNOT postgresql://wang@%2Fnonexistent%2Fkq:5999/db: " "a socket folder as ?host="

# libpq's connection message is scrubbed of the password should it ever hold it: a password that is a
# word of "Connection refused" shows the scrubbing at work, from the URL and from PGPASSWORD alike.
refused 'postgresql://wang:refused@127.0.0.1:1/db' "$CANNOT postgresql://wang@127.0.0.1:1/db: " \
  "libpq's message holds the password" refused
PGPASSWORD=refused refused 'postgresql://wang@127.0.0.1:1/db' "$CANNOT postgresql://wang@127.0.0.1:1/db: " \
  "libpq's message holds PGPASSWORD" refused
finish
