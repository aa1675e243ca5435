#!/usr/bin/env python3
"""An independent implementation of SPEC §3, computed straight from the example CSV files, compared
customer by customer with check-quota's JSON. Usage: spec_oracle.py EXAMPLES_DIR YYYY-MM AS_OF JSON_FILE"""
import calendar
import csv
import datetime as dt
import json
import math
import sys

QUOTA = {"A": (8, 4, 4), "B": (4, 2, 2), "C": (1, 1, 1)}
CHANNELS = ("visit", "call", "message")
ORDER = ["met", "on_track", "behind", "missed"]


def main():
    examples, month_text, as_of_text, json_file = sys.argv[1:5]
    year, month = map(int, month_text.split("-"))
    as_of = dt.date.fromisoformat(as_of_text)
    dim = calendar.monthrange(year, month)[1]
    first, last = dt.date(year, month, 1), dt.date(year, month, dim)
    elapsed = 0 if as_of < first else dim if as_of > last else as_of.day

    done = {}
    with open(f"{examples}/contacts.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            day = dt.date.fromisoformat(row["date"])
            if first <= day <= last and day <= as_of:
                key = (row["customer"], row["channel"])
                done[key] = done.get(key, 0) + 1

    expected = {}
    with open(f"{examples}/customers.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            opened = dt.date.fromisoformat(row["opened_on"]) if row["opened_on"] else first
            closed = dt.date.fromisoformat(row["closed_on"]) if row["closed_on"] else last
            start, end = max(first, opened), min(last, closed)
            if end < start:
                continue
            active = (end - start).days + 1
            channels, worst, got, need = {}, 0, 0, 0
            for channel, quota in zip(CHANNELS, QUOTA[row["tier"]]):
                req = math.ceil(quota * active / dim)
                exp = math.floor(req * elapsed / dim)
                d = done.get((row["code"], channel), 0)
                status = "met" if d >= req else "missed" if as_of >= last else "on_track" if d >= exp else "behind"
                worst = max(worst, ORDER.index(status))
                got, need = got + min(d, req), need + req
                channels[channel] = {"required": req, "done": d, "expected": exp, "status": status}
            expected[row["code"]] = {"code": row["code"], "name": row["name"], "tier": row["tier"], "rep": row["rep"],
                                     "status": ORDER[worst], "score": got / need if need else 1.0,
                                     "channels": channels}

    actual = json.load(open(json_file, encoding="utf-8"))
    problems = []
    if actual["month"] != month_text or actual["as_of"] != as_of_text:
        problems.append(f"month/as_of {actual['month']} {actual['as_of']}")
    codes = [c["code"] for c in actual["customers"]]
    if codes != sorted(expected):
        problems.append(f"customers differ: {sorted(set(codes) ^ set(expected))} (or not sorted by code)")
    for c in actual["customers"]:
        e = expected.get(c["code"])
        if not e:
            continue
        for key in ("name", "tier", "rep", "status"):
            if c[key] != e[key]:
                problems.append(f"{c['code']} {key}: {c[key]} != {e[key]}")
        if abs(c["score"] - e["score"]) > 1e-9:
            problems.append(f"{c['code']} score: {c['score']} != {e['score']}")
        for ch in CHANNELS:
            if c["channels"][ch] != e["channels"][ch]:
                problems.append(f"{c['code']} {ch}: {c['channels'][ch]} != {e['channels'][ch]}")
    for p in problems:
        print(p)
    print(f"{len(expected)} customers compared, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
