#!/usr/bin/env python3
"""Runs the example data through a whole month day by day with `remind --as-of`: reps act on every
other obligation they are reminded of (logging the contacts it asks for); checks that every obligation of
the month is reminded before its window closes and never again once done.
Usage: remind_month.py BIN_DIR YYYY-MM"""
import calendar
import datetime as dt
import json
import os
import subprocess
import sys
import zlib

BIN, MONTH = sys.argv[1], sys.argv[2]
year, month = map(int, MONTH.split("-"))
days = calendar.monthrange(year, month)[1]


def run(*args, now=None):
    env = dict(os.environ)
    if now:
        env["KEQING_NOW"] = f"{now}T21:00"
    p = subprocess.run([f"{BIN}/{args[0]}", *args[1:]], capture_output=True, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


first_reminded, done, acted, problems = {}, {}, 0, []
for d in range(1, days + 1):
    today = dt.date(year, month, d).isoformat()
    digests = json.loads(run("remind", "--all", "--as-of", today, "--format", "json").stdout)
    again = run("remind", "--all", "--as-of", today, "--format", "json").stdout
    if json.loads(again) != digests:
        problems.append(f"{today}: two runs differ (not deterministic)")
    for digest in digests:
        for item in digest["items"]:
            if item["kind"] != "obligation":
                continue
            uid = item["uid"]
            if uid in done:
                problems.append(f"{today}: {uid} reminded again after it was done on {done[uid]}")
            first_reminded.setdefault(uid, today)
            # Reps act on every other obligation, on the first day its window is open.
            if item["state"] != "upcoming" and zlib.crc32(uid.encode()) % 2 == 0 and uid not in done:
                for action in item["actions"]:
                    channel, _, gift = action.partition("+")
                    args = ["log-visit", item["customer"], "--channel", channel, "--date", today,
                            "--rep", digest["rep"], "--occasion", item["tag"], "--note", "祝福:记得您的喜好"]
                    if gift:
                        args.append("--gift")
                    run(*args, now=today)
                done[uid] = today
                acted += 1

last = dt.date(year, month, days).isoformat()
check = json.loads(run("check-quota", "--all", "--month", MONTH, "--as-of", last, "--format", "json").stdout)
for o in check["obligations"]:
    uid = o["uid"]
    if o["from"] > last:
        continue
    if uid not in first_reminded:
        problems.append(f"{uid} ({o['name']} {o['date']}) was never reminded")
    elif first_reminded[uid] > o["to"]:
        problems.append(f"{uid} first reminded {first_reminded[uid]}, after its window closed {o['to']}")
    if uid in done and o["state"] != "done":
        problems.append(f"{uid} was acted on but is {o['state']}")

for p in problems:
    print(p)
print(f"{len(check['obligations'])} obligations, {len(first_reminded)} reminded, {acted} acted on, "
      f"{len(problems)} problems")
sys.exit(1 if problems or acted == 0 or not first_reminded else 0)
