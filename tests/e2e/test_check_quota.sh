# End-to-end: check-quota — scopes, formats, exit statuses, config precedence and rules overrides;
# the JSON is compared with an independent implementation of SPEC §3 (spec_oracle.py).
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }

for as_of in 2026-10-31 2026-11-01 2026-11-10 2026-11-20 2026-11-29 2026-11-30 2026-12-05; do
  run check-quota --all --month 2026-11 --as-of $as_of --format json
  python3 "$SRC/tests/e2e/spec_oracle.py" "$SRC/examples" 2026-11 $as_of "$WORK/out" >"$WORK/oracle" 2>&1 \
    && pass || { fail "JSON matches the independent SPEC §3 implementation as of $as_of"; cat "$WORK/oracle" >&2; }
done

run check-quota --all --as-of 2026-11-20; expect_rc 1 "behind customers give exit 1"
expect_out "39 customers: 12 met, 18 on track, 9 behind, 0 missed" "summary line"; expect_no_out "HZ030" "customer closed before the month is not listed"
run check-quota --all --as-of 2026-11-20 --behind-only; expect_no_out "HZ001" "--behind-only hides met customers"; expect_out "HZ012" "--behind-only shows behind"
run check-quota --customer HZ001 --as-of 2026-11-20; expect_rc 0 "a met customer gives exit 0"
run check-quota --customer 张同泰 --as-of 2026-11-20 --format csv; expect_rc 1 "behind customer exit 1"
expect_out "2026-11,2026-11-20,HZ012,张同泰(清河坊店),A,zhao,behind" "csv row"
run check-quota --tier C --as-of 2026-11-20 --format json; expect_no_out '"tier": "A"' "--tier scope"
expect_no_out '"tier": "B"' "--tier scope leaves B out"; expect_out '"code": "HZ005"' "--tier scope lists a C customer"
expect_out '"code": "HZ010"' "--tier scope lists another rep's C customer"
run check-quota --team 华东二组 --as-of 2026-11-20 --format csv; expect_no_out ",wang," "--team scope"
expect_no_out ",li," "--team scope leaves the other team's reps out"; expect_out ",HZ010,民生大药房,C,zhao," "--team scope lists the team's customers"

# The current rep: --rep > KEQING_REP > config file > $USER.
mkdir -p "$XDG_CONFIG_HOME/keqing"
echo 'rep = "li"' >"$XDG_CONFIG_HOME/keqing/config.toml"
run check-quota --as-of 2026-11-20 --format csv; expect_out ",li," "rep from config"; expect_no_out ",wang," "config rep only"
KEQING_REP=zhao run check-quota --as-of 2026-11-20 --format csv; expect_out ",zhao," "env beats config"
KEQING_REP=zhao run check-quota --rep wang --as-of 2026-11-20 --format csv; expect_out ",wang," "flag beats env"; expect_no_out ",zhao," "flag only"
echo 'rep = ' >"$XDG_CONFIG_HOME/keqing/config.toml"
expect_rejected 3 "config.toml:1:" "malformed config file" check-quota --as-of 2026-11-20
rm "$XDG_CONFIG_HOME/keqing/config.toml"
expect_rejected 3 "unknown rep 'tester'" "\$USER is the last fallback" check-quota --as-of 2026-11-20

# Rules: --rules and KEQING_RULES override the built-in file; bad files are rejected with file:line.
sed 's/quota = { visit = 8, call = 4, message = 4 }/quota = { visit = 2, call = 1, message = 1 }/' \
  "$SRC/schemas/rules.toml" >"$WORK/easy.toml"
run check-quota --customer HZ007 --as-of 2026-11-30 --rules "$WORK/easy.toml" --format json
expect_out '"required": 2' "custom quota applies"
KEQING_RULES=$WORK/easy.toml run check-quota --customer HZ007 --as-of 2026-11-30 --format csv
expect_out ",2,2,2,met" "KEQING_RULES"
sed 's/visit = 4, call = 2/visit = -4, call = 2/' "$SRC/schemas/rules.toml" >"$WORK/neg.toml"
line=$(grep -n 'visit = -4' "$WORK/neg.toml" | cut -d: -f1)
expect_rejected 3 "neg.toml:$line: quota B.visit = -4 is out of range" "negative quota" check-quota --all --rules "$WORK/neg.toml"
printf '[[channel]]\nid = "visit"\n[[tier]]\nid = "A"\nquota = { visit = 1 }\n' >"$WORK/a_only.toml"
expect_rejected 3 "has tier 'B', which" "rules without a tier in use" check-quota --all --as-of 2026-11-20 --rules "$WORK/a_only.toml"

expect_rejected 2 "choose one scope" "two scopes" check-quota --all --tier A
expect_rejected 3 "unknown tier 'Z'" "unknown tier" check-quota --tier Z
expect_rejected 3 "'2026-02-30' is not a real date" "impossible as-of" check-quota --all --as-of 2026-02-30
expect_rejected 3 "is not a month" "bad month" check-quota --all --month 2026-1
expect_rejected 2 "--format" "unknown format" check-quota --all --format xml
expect_rejected 3 "unknown team" "unknown team" check-quota --team 火星组
run check-quota --version; expect_rc 0 "--version"
finish
