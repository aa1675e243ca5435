# End-to-end: opening the database (issue 15 item 1). Only adding reps may create a database, and it says
# so once; every other command on a missing or empty file is exit 4 naming the path and how to create one,
# creating nothing, not even a folder; another application's SQLite file is refused, never migrated;
# an empty --db / KEQING_DB, no HOME for the default path and URL schemes keqing cannot open are exit 2
# saying what to set; relative XDG_DATA_HOME / XDG_CONFIG_HOME are ignored as the XDG spec says.
source "$(dirname "$0")/lib.sh"
sqlite_only "missing, empty and foreign files; the default path"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
file_hash() { sha256sum "$1" | cut -d' ' -f1; }
# A fresh folder for one case; `expect_empty DIR DESC` then proves nothing was made in it.
scratch() { local d; d=$(mktemp -d "$WORK/case.XXXXXX"); echo "$d"; }
expect_empty() { if [ -z "$(ls -A "$1")" ]; then pass; else fail "$2: created $(cd "$1" && find . -mindepth 1 | tr '\n' ' ')"; fi; }
# After `run`: exactly the stderr line TEXT (the whole line).
expect_err_line() { if [ "$(cat "$WORK/err")" = "$1" ]; then pass; else fail "$2: stderr is not '$1'"; fi; }
# run_in DIR CMD…: `run` in another working folder.
run_in() { local dir=$1; shift; (cd "$dir" && exec "$@") </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?; }
printf 'id,name,team\nli,李娜,east\n' >"$WORK/reps.csv"
printf 'customer,channel,date\nHZ001,call,2026-11-19\n' >"$WORK/contacts.csv"
printf 'code,name,tier,rep\nHZ001,康泰大药房,A,wang\n' >"$WORK/customers.csv"

# Every command but adding reps, on a file that does not exist (in folders that do not exist either).
D=$(scratch)
MISSING="$D/typo/keqing.db"
HOW="database $MISSING does not exist; create it by adding a rep (roster rep add ID --name NAME, or roster rep import reps.csv), or check --db / KEQING_DB"
reads=(
  "check-quota"
  "check-quota --all --as-of 2026-11-20"
  "remind --rep wang"
  "report --month 2026-11"
  "roster list"
  "roster show HZ001"
  "roster export"
  "roster rep list"
  "roster person list"
  "roster event list"
  "roster add HZ001 康泰大药房 --tier A --rep wang"
  "roster tier HZ001 B --from 2026-12-01"
  "roster close HZ001 --on 2026-11-30"
  "roster import $WORK/customers.csv"
  "roster import --dry-run $WORK/customers.csv"
  "roster rep import --dry-run $WORK/reps.csv"
  "log-visit HZ001 --call"
  "log-visit HZ001 --call --dry-run"
  "log-visit --void 1 --reason twice"
  "log-visit --import $WORK/contacts.csv"
)
for cmd in "${reads[@]}"; do
  # shellcheck disable=SC2086 # the command's words
  run $cmd --db "$MISSING"
  expect_rc 4 "$cmd on a missing file"
  expect_err_line "${cmd%% *}: error: $HOW" "$cmd on a missing file"
  expect_empty "$D" "$cmd on a missing file"
done
# The same through KEQING_DB and through the config file.
KEQING_DB=$MISSING run check-quota --all
expect_rc 4 "KEQING_DB naming a missing file"; expect_err "$HOW" "KEQING_DB naming a missing file"
mkdir -p "$XDG_CONFIG_HOME/keqing"
echo "db = \"$MISSING\"" >"$XDG_CONFIG_HOME/keqing/config.toml"
run env -u KEQING_DB check-quota --all
expect_rc 4 "config db naming a missing file"; expect_err "$HOW" "config db naming a missing file"
rm "$XDG_CONFIG_HOME/keqing/config.toml"
expect_empty "$D" "KEQING_DB and config naming a missing file"

# Adding a rep creates the database and its folders, and says so once, on stderr.
run roster rep add wang --name 王强 --db "$MISSING"
expect_rc 0 "rep add creates the database"
expect_out "added rep wang" "rep add creates the database"
expect_err_line "roster: created database $MISSING" "rep add says it created the database"
[ "$(stat -c %a "$D/typo")" = 700 ] && [ "$(stat -c %a "$MISSING")" = 600 ] && pass ||
  fail "new folder and database modes $(stat -c %a "$D/typo") $(stat -c %a "$MISSING")"
run roster rep add li --db "$MISSING"
expect_rc 0 "a second rep"; expect_no_err "the second rep says nothing about creating"
run roster rep list --db "$MISSING"
expect_out "王强" "the created database reads"; expect_no_err "reading the created database"
D=$(scratch)
run roster rep import "$WORK/reps.csv" --db "$D/k.db"
expect_rc 0 "rep import creates the database"
expect_err_line "roster: created database $D/k.db" "rep import says it created the database"
# Two first reps at once: one process creates the database, and only it says so.
D=$(scratch)
roster rep add a1 --db "$D/k.db" >/dev/null 2>"$WORK/err.1" &
roster rep add a2 --db "$D/k.db" >/dev/null 2>"$WORK/err.2" &
wait
[ "$(cat "$WORK/err.1" "$WORK/err.2")" = "roster: created database $D/k.db" ] && pass ||
  fail "two first reps at once: stderr $(cat "$WORK/err.1" "$WORK/err.2")"
run roster rep list --db "$D/k.db" --format csv
[ "$(grep -c '^a[12],' "$WORK/out")" = 2 ] && pass || fail "two first reps at once: both stored"

# An empty file (touch): reads refuse it and leave it empty; adding a rep sets it up.
D=$(scratch)
: >"$D/k.db"
run check-quota --all --db "$D/k.db"
expect_rc 4 "check-quota on an empty file"
expect_err "database $D/k.db is empty, not yet a keqing database; create it by adding a rep" "check-quota on an empty file"
[ "$(ls -A "$D")" = k.db ] && [ ! -s "$D/k.db" ] && pass || fail "the empty file was changed: $(ls -l "$D")"
run roster rep add wang --db "$D/k.db"
expect_rc 0 "rep add on an empty file"; expect_err_line "roster: created database $D/k.db" "rep add on an empty file"

# Another application's SQLite file: refused by reads and by adding a rep, and left byte for byte as it
# was (no keqing tables, no WAL switch, no -wal or -shm left).
D=$(scratch)
sqlite3 "$D/other.db" "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');
                       CREATE TABLE tags (note INTEGER, tag TEXT)"
before=$(file_hash "$D/other.db")
for cmd in "check-quota --all" "roster list" "roster rep add wang" "log-visit HZ001 --call"; do
  # shellcheck disable=SC2086
  run $cmd --db "$D/other.db"
  expect_rc 4 "$cmd on another application's file"
  expect_err "database $D/other.db is not a keqing database: it holds another application's tables (notes, tags); it was left as it is — check --db or KEQING_DB" \
    "$cmd on another application's file"
  [ "$(file_hash "$D/other.db")" = "$before" ] && [ "$(ls -A "$D")" = other.db ] && pass ||
    fail "$cmd changed another application's file: $(ls -A "$D")"
done
# … also one that keeps a schema version of its own in user_version.
sqlite3 "$D/versioned.db" "CREATE TABLE reps (id TEXT); PRAGMA user_version = 3"
before=$(file_hash "$D/versioned.db")
run check-quota --all --db "$D/versioned.db"
expect_rc 4 "a foreign file at user_version 3"
expect_err "is not a keqing database: it is at schema version 3 but has no table 'assignments'" "a foreign file at user_version 3"
[ "$(file_hash "$D/versioned.db")" = "$before" ] && pass || fail "the versioned foreign file changed"

# Empty locations: exit 2 saying what to set, nothing created at the default path.
run roster rep add wang --db ''
expect_rc 2 "--db ''"
expect_err "--db is given an empty value (argument 5); give a value, or leave --db out for its default" "--db ''"
KEQING_DB= run roster rep add wang
expect_rc 2 "KEQING_DB="
expect_err "KEQING_DB is set but empty; set it to a SQLite file or a postgresql:// URL, or unset it" "KEQING_DB="
KEQING_DB= run check-quota --all
expect_rc 2 "KEQING_DB= on a read"
[ ! -e "$XDG_DATA_HOME" ] && pass || fail "an empty location created $(find "$XDG_DATA_HOME")"
# --db wins over an empty KEQING_DB (flag > environment), and a non-empty KEQING_DB over nothing.
KEQING_DB= run roster rep list --db "$MISSING"; expect_rc 0 "--db beside an empty KEQING_DB"

# No HOME and no XDG_DATA_HOME: no default path, exit 2 (never /.local/share/keqing). Run as nobody when
# root, so that even a keqing that wrongly tried could not write into /.
AS_NOBODY=()
[ "$(id -u)" -eq 0 ] && AS_NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
existed=$([ -e /.local/share/keqing ] && echo yes || echo no)
run_in / env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u KEQING_DB "${AS_NOBODY[@]}" roster rep add wang
expect_rc 2 "no HOME, no XDG_DATA_HOME"
expect_err "no database given, and neither XDG_DATA_HOME nor HOME is set to an absolute folder for the default one; give --db, set KEQING_DB, or set HOME" \
  "no HOME, no XDG_DATA_HOME"
[ "$existed" = yes ] || [ ! -e /.local/share/keqing ] && pass || fail "no HOME: created /.local/share/keqing"
# … while a command that needs no database still runs.
run_in / env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u KEQING_DB "${AS_NOBODY[@]}" remind --calendar 2027
expect_rc 0 "remind --calendar with no HOME"

# Relative XDG_DATA_HOME and XDG_CONFIG_HOME are ignored (the XDG spec: only absolute paths count).
D=$(scratch)
mkdir -p "$D/home/.config/keqing" "$D/cwd/relcfg/keqing"
echo "rep = \"li\"" >"$D/home/.config/keqing/config.toml"
echo "rep = \"zhao\"" >"$D/cwd/relcfg/keqing/config.toml"
run_in "$D/cwd" env -u KEQING_DB -u KEQING_REP HOME="$D/home" XDG_DATA_HOME=reldata XDG_CONFIG_HOME=relcfg roster rep add li
expect_rc 0 "relative XDG_DATA_HOME"
expect_err_line "roster: created database $D/home/.local/share/keqing/keqing.db" "relative XDG_DATA_HOME: the default under HOME"
[ "$(ls -A "$D/cwd")" = relcfg ] && pass || fail "relative XDG_DATA_HOME: created $(ls -A "$D/cwd") in the working folder"
run_in "$D/cwd" env -u KEQING_DB -u KEQING_REP HOME="$D/home" XDG_DATA_HOME=reldata XDG_CONFIG_HOME=relcfg \
  roster add HZ001 康泰大药房 --tier A
expect_rc 0 "relative XDG_CONFIG_HOME"
expect_out "(tier A, rep li)" "relative XDG_CONFIG_HOME: the config under HOME gives the rep"

# URL schemes keqing cannot open: exit 2, nothing created (once a folder named 'sqlite:'), no secret shown.
D=$(scratch)
run_in "$D" roster rep add wang --db sqlite:///tmp/keqing-e2e-never.db
expect_rc 2 "--db sqlite://"
expect_err "--db names a 'sqlite://' URL, which keqing cannot open; give a SQLite file's path (without the scheme) or a postgresql:// URL" "--db sqlite://"
expect_empty "$D" "--db sqlite://"
[ ! -e /tmp/keqing-e2e-never.db ] && pass || fail "--db sqlite:// created /tmp/keqing-e2e-never.db"
run_in "$D" check-quota --all --db 'mysql://wang:s3cr3tPW@db.example.com/crm'
expect_rc 2 "--db mysql://"
expect_err "--db names a 'mysql://' URL, which keqing cannot open; give a SQLite file's path or a postgresql:// URL" "--db mysql://"
if grep -q s3cr3t "$WORK/err" "$WORK/out"; then fail "--db mysql:// printed the password"; else pass; fi
run_in "$D" env KEQING_DB=redis://cache/0 log-visit HZ001 --call
expect_rc 2 "KEQING_DB=redis://"
expect_err "KEQING_DB names a 'redis://' URL" "KEQING_DB=redis://"
expect_empty "$D" "unknown schemes"
echo 'db = "mysql://crm/keqing"' >"$XDG_CONFIG_HOME/keqing/config.toml"
run env -u KEQING_DB check-quota --all
expect_rc 3 "config db with an unknown scheme"
expect_err "$XDG_CONFIG_HOME/keqing/config.toml:1: db names a 'mysql://' URL" "config db with an unknown scheme"
rm "$XDG_CONFIG_HOME/keqing/config.toml"
finish
