#!/usr/bin/env python3
"""Runs a month day by day with `remind --all --as-of D` and checks every quota item against an oracle
written from docs/DECISIONS.md ("remind's day"), with check-quota as the source of required, done and
pace status: on day D each active customer's channel with done < required is a `deadline` item when its
deadline (the month's last day, or its closing day) is at most DEADLINE_DAYS away or when its rep's days
left cannot hold the visits owed at MAX_VISITS a day; else a `pace` item when check-quota says behind;
else nothing. Items go to the rep assigned on D. Reps act on every other deadline item (one contact on
the day it is shown); the item must then show one less owed, or be gone once met. On the last day
check-quota (as of the end of that day) must call every owed channel missed. Finally: no customer ends
the month owing anything without having been in its rep's digest on the last day and on each of the
DEADLINE_DAYS days before it (or its closing day and the days before).
Usage: remind_deadlines.py BIN_DIR YYYY-MM CUSTOMERS.csv [CUSTOMERS.csv …] [--handover CODE:REP:YYYY-MM-DD …]
       [--deadline-days N] [--max-visits N] [--expect-tight]"""
import argparse
import calendar
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import zlib

ap = argparse.ArgumentParser()
ap.add_argument("bin")
ap.add_argument("month")
ap.add_argument("customers", nargs="+")
ap.add_argument("--handover", action="append", default=[])
ap.add_argument("--deadline-days", type=int, default=5)
ap.add_argument("--max-visits", type=int, default=12)
ap.add_argument("--expect-tight", action="store_true", help="fail unless some item came from the visit limit")
args = ap.parse_args()
year, month = map(int, args.month.split("-"))
first = dt.date(year, month, 1)
last = dt.date(year, month, calendar.monthrange(year, month)[1])
iso = dt.date.isoformat


def run(*cmd, now=None):
    env = dict(os.environ)
    if now:
        env["KEQING_NOW"] = f"{now}T21:00"
    p = subprocess.run([f"{args.bin}/{cmd[0]}", *cmd[1:]], capture_output=True, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr}")
    return p


def day(text):
    return dt.date.fromisoformat(text) if text else None


span, first_rep = {}, {}
for path in args.customers:
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            span[row["code"]] = (day(row.get("opened_on")), day(row.get("closed_on")))
            first_rep[row["code"]] = row["rep"]
handovers = {}
for h in args.handover:
    code, rep, since = h.split(":")
    handovers.setdefault(code, []).append((day(since), rep))


def rep_on(code, d):
    rep = first_rep[code]
    for since, new in sorted(handovers.get(code, [])):
        if since <= d:
            rep = new
    return rep


def active(code, d):
    opened, closed = span[code]
    return (opened is None or opened <= d) and (closed is None or closed >= d)


def deadline_of(code):
    closed = span[code][1]
    return min(closed, last) if closed and closed >= first else last


def expected_items(d, check):
    """(rep, code, channel) → (kind, owed) for day d, from check-quota as of d."""
    owed, visits = {}, {}
    for c in check["customers"]:
        code = c["code"]
        if code not in span or not active(code, d):
            continue
        for channel, ch in c["channels"].items():
            if ch["done"] < ch["required"]:
                owed[(rep_on(code, d), code, channel)] = (ch["required"] - ch["done"], ch["status"])
                if channel == "visit":
                    visits.setdefault(rep_on(code, d), []).append((deadline_of(code), code, ch["required"] - ch["done"]))
    tight = set()
    for rep, rows in visits.items():
        rows.sort()
        total, cut = 0, 0
        for k, (deadline, code, n) in enumerate(rows):
            total += n
            if (k + 1 == len(rows) or rows[k + 1][0] != deadline) and total > ((deadline - d).days + 1) * args.max_visits:
                cut = k + 1
        tight |= {(rep, code, "visit") for _, code, _ in rows[:cut]}
    out = {}
    for key, (n, status) in owed.items():
        near = (deadline_of(key[1]) - d).days <= args.deadline_days
        if near or key in tight:
            out[key] = ("deadline", n)
        elif status == "behind":
            out[key] = ("pace", n)
    return out, tight


def quota_items(digests):
    out = {}
    for digest in digests:
        for i in digest["items"]:
            if i["kind"] in ("deadline", "pace"):
                out[(digest["rep"], i["customer"], i["channel"])] = i
    return out


problems, shown, tight_seen, acted = [], {}, 0, 0
for n in range((last - first).days + 1):
    d = first + dt.timedelta(days=n)
    today = iso(d)
    check = json.loads(run("check-quota", "--all", "--month", args.month, "--as-of", today, "--format", "json").stdout)
    digests = json.loads(run("remind", "--all", "--as-of", today, "--format", "json").stdout)
    want, tight = expected_items(d, check)
    tight_seen += len(tight)
    got = quota_items(digests)
    for key in sorted(set(want) | set(got)):
        w, g = want.get(key), got.get(key)
        if w is None:
            problems.append(f"{today}: {key} reminded ({g['kind']}: {g['what']}) but nothing is owed that way")
            continue
        if g is None:
            problems.append(f"{today}: {key} owes {w[1]} ({w[0]}) but is not in {key[0]}'s digest")
            continue
        if (g["kind"], g["owed"]) != w:
            problems.append(f"{today}: {key} is {g['kind']} owing {g['owed']}, expected {w[0]} owing {w[1]}")
        if g["kind"] == "deadline":
            shown.setdefault((key[1], key[2]), set()).add(d)
            by = deadline_of(key[1])
            if g["uid"] != f"quota-{key[1]}-{key[2]}-{args.month}" or g["state"] != "due" or g["due"] != iso(by):
                problems.append(f"{today}: {key} uid {g['uid']}, state {g['state']}, due {g['due']}")
            if not g["what"].startswith(f"{key[2]}: {g['owed']} more by {iso(by)[5:]} "):
                problems.append(f"{today}: {key} says '{g['what']}'")
    # Reps act on every other deadline item: one contact on the channel, today.
    todo = [(key, i) for key, i in got.items() if i["kind"] == "deadline" and zlib.crc32(key[1].encode()) % 2 == 0
            and zlib.crc32(f"{i['uid']}{today}".encode()) % 3 == 0]
    if todo:
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
            f.write("customer,channel,date,rep\n")
            for (rep, code, channel), _ in todo:
                f.write(f"{code},{channel},{today},{rep}\n")
        run("log-visit", "--import", f.name, now=today)
        os.unlink(f.name)
        acted += len(todo)
        after = quota_items(json.loads(run("remind", "--all", "--as-of", today, "--format", "json").stdout))
        for key, i in todo:
            left = after.get(key)
            if i["owed"] == 1 and left is not None:
                problems.append(f"{today}: {key} still reminded after it was met: {left['what']}")
            if i["owed"] > 1 and (left is None or left["owed"] != i["owed"] - 1):
                problems.append(f"{today}: {key} owed {i['owed']}, logged one, now {left and left['owed']}")

# check-quota keeps the end of the day: on the last day whatever is owed is missed there.
final = json.loads(run("check-quota", "--all", "--month", args.month, "--as-of", iso(last), "--format", "json").stdout)
ended_owing = 0
for c in final["customers"]:
    for channel, ch in c["channels"].items():
        if ch["done"] >= ch["required"]:
            continue
        ended_owing += 1
        if ch["status"] != "missed":
            problems.append(f"check-quota {iso(last)}: {c['code']} {channel} owed but {ch['status']}")
        by = deadline_of(c["code"])
        window = {by - dt.timedelta(days=k) for k in range(args.deadline_days + 1)}
        window = {w for w in window if w >= first and active(c["code"], w)}
        if not window <= shown.get((c["code"], channel), set()):
            missing = sorted(iso(w) for w in window - shown.get((c["code"], channel), set()))
            problems.append(f"{c['code']} {channel} ended the month missed, not in the digest on {', '.join(missing)}")

for p in problems[:40]:
    print(p)
print(f"{args.month}: {len(final['customers'])} customers, {ended_owing} channels ended owing, {acted} acted on, "
      f"{tight_seen} item-days from the visit limit, {len(problems)} problems")
ok = not problems and acted > 0 and ended_owing > 0 and (tight_seen > 0 or not args.expect_tight)
sys.exit(0 if ok else 1)
