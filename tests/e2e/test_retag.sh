# End-to-end: tagging after the fact (issue 17 item 3). `log-visit --tag ID --occasion TAG` re-tags an
# existing contact and `--untag ID` removes its tag: no second contact, nothing counted twice, each change
# recorded with who and when; a bad request changes nothing. Auto-tagging prefers the more urgent of two
# fitting obligations and says which it chose. On a team server a rep re-tags only its own contacts.
source "$(dirname "$0")/lib.sh"
load_examples || { echo "could not load examples"; exit 1; }

# A message to HZ002 the day after 刘建国's birthday, logged before his birthday was on record: untagged.
export KEQING_NOW=2026-11-27T18:00
run log-visit HZ002 --message --note "补祝生日快乐" --date 2026-11-27 --rep li
expect_rc 0 "an untagged message"
expect_no_out "tagged:" "nothing to tag it for yet"
id=$(db_query "SELECT max(id) FROM contacts")
roster person import "$SRC/examples/people.csv" >/dev/null
KEQING_NOW=2026-11-01T08:00 roster event import "$SRC/examples/events.csv" >/dev/null

counts() { # contacts stored, HZ002's messages this month, the birthday's state
  check-quota --customer HZ002 --as-of 2026-11-27 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
b = [o["state"] for o in d["obligations"] if o["kind"] == "birthday"]
print(d["customers"][0]["channels"]["message"]["done"], b)'
  db_query "SELECT count(*) FROM contacts"
}
before=$(counts)
run check-quota --customer HZ002 --as-of 2026-11-27; expect_out "overdue" "the birthday is overdue before the tag"

# Bad requests: one stderr line, the documented status, nothing changed.
expect_rejected 2 "needs --occasion TAG" "--tag without --occasion" log-visit --tag "$id"
expect_rejected 2 "one of them" "--tag with a customer" log-visit HZ002 --tag "$id" --occasion birthday
expect_rejected 3 "no contact #987654" "an unknown contact" log-visit --tag 987654 --occasion birthday
expect_rejected 3 "has no such obligation" "an occasion the contact does not fit" \
  log-visit --tag "$id" --occasion mid-autumn
expect_rejected 3 "has no occasion tag to remove" "untagging an untagged contact" log-visit --untag "$id"
snapshot
run log-visit --tag "$id" --occasion birthday --dry-run
expect_out "would re-tag (dry run) #$id" "a dry run says what it would do"
expect_unchanged "a dry run"

run log-visit --tag "$id" --occasion birthday
expect_rc 0 "--tag re-tags"
expect_out "re-tagged #$id: message with HZ002 on 2026-11-27: now birthday:" "says what it re-tagged"
expect_out "  done late" "the birthday is done late now"
after=$(counts)
[ "$(sed -n 2p <<<"$after")" = "$(sed -n 2p <<<"$before")" ] && pass || fail "no second contact: $before / $after"
[ "$(sed -n 1p <<<"$after" | cut -d' ' -f1)" = "$(sed -n 1p <<<"$before" | cut -d' ' -f1)" ] && pass ||
  fail "the message counts once for the quota: $before / $after"
grep -q "done_late" <<<"$after" && pass || fail "check-quota: done late after the tag: $after"
[ "$(db_query "SELECT occasion, previous, login FROM retags WHERE contact_id = $id")" = "birthday:3||$USER" ] && pass ||
  fail "the change is recorded with who: $(db_query "SELECT * FROM retags")"
[ "$(db_query "SELECT count(*) FROM retags WHERE at = '2026-11-27T18:00'")" = 1 ] && pass || fail "and when"

run log-visit --tag "$id" --occasion birthday; expect_out "unchanged #$id" "the same tag again changes nothing"
[ "$(db_query "SELECT count(*) FROM retags")" = 1 ] && pass || fail "an unchanged tag is not recorded"
run report --month 2026-11 --as-of 2026-11-30 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "report: one done-late birthday, no duplicate made by the tag"
import json, sys
d = json.load(open(sys.argv[1]))
occ = {o["kind"]: o for o in d["occasions"]}
assert occ["birthday"]["done_late"] == 1, occ
PY

run log-visit --untag "$id"
expect_out "untagged #$id" "--untag removes the tag"
expect_out "it was tagged birthday:" "says what it was"
run check-quota --customer HZ002 --as-of 2026-11-27; expect_out "overdue" "overdue again once untagged"
[ "$(db_query "SELECT occasion || '<' || previous FROM retags ORDER BY id DESC LIMIT 1")" = "<birthday:3" ] && pass ||
  fail "the untag is recorded"

# A voided contact keeps its tag.
run log-visit --void "$id" --reason "logged twice"
expect_rejected 3 "a voided contact keeps its tag" "re-tagging a voided contact" \
  log-visit --tag "$id" --occasion birthday

# Auto-tagging: a visit that fits two obligations is tagged for the one whose window closes first, and
# log-visit says which it chose and how to change it; two that close the same day are left to the rep.
# HZ005 (li): a wedding on 11-18 (a visit within 7 days: to 11-25) and an illness on 11-21 (3 days: to 11-24).
export KEQING_NOW=2026-11-21T20:00
roster event add HZ005 --kind wedding --date 2026-11-18 --note 店长儿子结婚 >/dev/null
roster event add HZ005 --kind illness --date 2026-11-21 --note 店长住院 >/dev/null
run log-visit HZ005 --visit --date 2026-11-21 --rep li --note 探望
expect_out "tagged: event:" "a visit fitting two is tagged"
grep "^tagged:" "$WORK/out" | grep -qF "(重大疾病 2026-11-21" && pass || fail "tagged for the illness, whose window closes first"
expect_out "the most urgent of the obligations it fits (also: event:" "says which it chose and the other"
expect_out "change it with --tag" "and how to change it"
visit=$(db_query "SELECT max(id) FROM contacts")
run log-visit --tag "$visit" --occasion wedding
expect_out "now event:" "the rep moves it to the wedding"
run check-quota --customer HZ005 --as-of 2026-11-21 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "json: the wedding has the visit, the illness is open"
import json, sys
d = json.load(open(sys.argv[1]))
s = {o["kind"]: o["state"] for o in d["obligations"]}
assert s["wedding"] == "done" and s["illness"] == "open", s
PY
# HZ007 (wang): a wedding on 11-17 and an illness on 11-21 both close on 11-24: not tagged, both named.
KEQING_NOW=2026-11-21T20:00 roster event add HZ007 --kind wedding --date 2026-11-17 >/dev/null
KEQING_NOW=2026-11-21T20:00 roster event add HZ007 --kind illness --date 2026-11-21 >/dev/null
run log-visit HZ007 --visit --date 2026-11-21 --rep wang --note 探望
expect_out "not tagged: it fits several obligations" "two closing the same day: not tagged"
expect_out "tag it with --tag" "says how to tag it"

if [ "$BACKEND" = postgresql ]; then
  # A rep re-tags only its own contacts (the rest are hidden: "no contact"); through keqing_api.
  pg_role wang keqing_rep
  pg_role li keqing_rep
  li_contact=$(db_query "SELECT min(id) FROM contacts WHERE rep_id = 'li' AND voided_at IS NULL")
  as wang log-visit --tag "$li_contact" --occasion birthday </dev/null >"$WORK/out" 2>"$WORK/err"; rc=$?
  expect_rc 3 "wang cannot re-tag li's contact"
  expect_err "no contact #$li_contact" "li's contact is hidden from wang"
  psql_as wang "SELECT keqing_api.retag_contact($li_contact, '')"
  [ "$rc" -ne 0 ] && grep -qF "no contact #$li_contact" "$WORK/err" && pass || fail "nor through psql"
  psql_as li "SELECT count(*) FROM keqing.retags"
  [ "$rc" -ne 0 ] && pass || fail "a rep reads no retags table"
  psql_as li "SELECT keqing_api.retag_contact($li_contact, 'mid-autumn')"
  expect_rc 0 "li re-tags its own contact through keqing_api"
  [ "$(db_query "SELECT login || ' ' || occasion FROM retags ORDER BY id DESC LIMIT 1")" = "li mid-autumn" ] && pass ||
    fail "recorded with li's login: $(db_query "SELECT * FROM retags ORDER BY id DESC LIMIT 1")"
fi
finish
