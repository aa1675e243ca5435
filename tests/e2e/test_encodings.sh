# End-to-end: files as Excel saves them (issue 21 item 4). An import reads UTF-8 with or without a
# byte-order mark as it is, and anything else as GB18030 (GBK); CRLF line ends either way; --encoding
# names it; a byte neither can read is one stderr line with file:line:column, exit 3, nothing stored.
source "$(dirname "$0")/lib.sh"
export KEQING_NOW=2026-11-20T20:00 KEQING_REP=wang
roster rep import "$SRC/examples/reps.csv" >/dev/null || { echo "could not load reps"; exit 1; }

# save SRC DEST ENCODING [bom]: the UTF-8 file SRC saved as Excel would: ENCODING, CRLF line ends.
save() {
  python3 - "$@" <<'PY'
import sys
src, dest, enc = sys.argv[1:4]
data = open(src, encoding="utf-8").read().replace("\n", "\r\n").encode(enc)
open(dest, "wb").write((b"\xef\xbb\xbf" if sys.argv[4:] == ["bom"] else b"") + data)
PY
}
save "$SRC/examples/customers.csv" "$WORK/gbk.csv" gbk
save "$SRC/examples/contacts.csv" "$WORK/contacts-gbk.csv" gb18030
save "$SRC/examples/people.csv" "$WORK/people-bom.csv" utf-8 bom

run roster import "$WORK/gbk.csv"
expect_rc 0 "a GBK customers file with CRLF imports"
expect_out "imported customers from $WORK/gbk.csv: 40 added" "all 40 customers"
[ "$(db_query "select name from customers where code = 'HZ001'")" = 康泰大药房 ] && pass || fail "names read from GBK"
[ "$(db_query "select address from customers where code = 'HZ002'")" = "杭州市滨江区江南大道218号,近地铁站B口" ] &&
  pass || fail "a quoted GBK field with a comma, no CR left at the line end"
run log-visit --import "$WORK/contacts-gbk.csv"
expect_rc 0 "a GB18030 contacts file imports"
expect_out "imported 514 contacts" "every contact"
run roster person import "$WORK/people-bom.csv"
expect_rc 0 "UTF-8 with a byte-order mark and CRLF imports"
run roster person list --format csv
expect_out "张丽" "people read from the UTF-8 file with a mark"
run roster import --encoding GBK --update "$WORK/gbk.csv"
expect_rc 0 "--encoding gbk names it"; expect_out "40 unchanged" "the same rows, unchanged"

# Told UTF-8, a GBK file is refused by the CSV reader, naming the byte.
expect_rejected 3 "is not valid UTF-8" "--encoding utf-8 on a GBK file" roster import --encoding utf-8 --update "$WORK/gbk.csv"
# A byte neither encoding reads: file:line:column.
printf 'code,name,tier,rep\r\nHZ901,\x81\x20,A,wang\r\n' >"$WORK/broken.csv"
expect_rejected 3 "$WORK/broken.csv:2:7: byte 0x81 is neither UTF-8 nor GB18030 (GBK)" "an undecodable byte" \
  roster import "$WORK/broken.csv"
expect_rejected 2 "--encoding: unknown encoding 'latin1'" "an unknown encoding" roster import --encoding latin1 "$WORK/gbk.csv"
expect_rejected 2 "--encoding goes with --import" "--encoding without --import" log-visit HZ001 --call --encoding gbk
# Standard input is read the same way.
python3 -c 'import sys; sys.stdout.buffer.write("customer,channel,date\r\nHZ001,call,2026-11-19\r\n".encode("gbk"))' |
  log-visit --import - >"$WORK/out" 2>"$WORK/err"; rc=$?
expect_rc 0 "a GBK file on standard input"
finish
