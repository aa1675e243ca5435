#!/usr/bin/python3
"""The plan simulations of issue 19, on the database of $KEQING_DB (either backend), September 2026.

(a) rep `sim`: a territory of 100 customers (10 A, 30 B, 60 C; one closes on the 15th, one closed before
    the month), Mid-Autumn (25th, a holiday in the rules used), two birthdays (one on a Sunday), a wedding
    and a bereavement; the rep does exactly what each morning's plan says for that day: by the month's end
    every quota is met and every obligation done, and no plan ever had a day over the limit.
(b) rep `skip`: the same territory, but the rep does nothing on the 14th, 15th and 16th; re-planned on the
    17th, it still meets everything that plan did not say it would miss.
(c) rep `tight`: six A, four B and two C customers, planned from the 28th with 8 visits a day: the plan
    says on that first day what will be missed, the least-bad choice (obligations, then A, then B, then C).
(d) every plan is the same when run twice, and while the rep follows it, no contact of a later day moves.

Every plan is checked for: no visit on a day off (weekends, the holiday), no contact with a customer not
active that day, no obligation's contact outside its window, at most max_visits_per_day visits a day.

Usage: plan_month.py BIN WORKDIR
"""
import csv
import datetime
import json
import os
import subprocess
import sys

BIN, WORK = sys.argv[1], sys.argv[2]
MONTH_DAYS = [datetime.date(2026, 9, d) for d in range(1, 31)]
HOLIDAY = datetime.date(2026, 9, 25)
LIMIT = 14
failures = []


def tool(*args, now="2026-09-01T07:00", ok=(0, 1)):
    env = dict(os.environ, KEQING_NOW=now)
    p = subprocess.run([os.path.join(BIN, args[0]), *args[1:]], capture_output=True, text=True, env=env)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return p


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def write_rules(path, limit):
    text = open(os.path.join(os.path.dirname(__file__), "../../schemas/rules.toml"), encoding="utf-8").read()
    text = text.replace("max_visits_per_day = 12", f"max_visits_per_day = {limit}")
    text = text.replace("holidays = []", f'holidays = ["{HOLIDAY}"]')
    open(path, "w", encoding="utf-8").write(text)


AREAS = ["西湖区", "拱墅区", "上城区", "滨江区", "萧山区"]


def territory(prefix, rep, tiers):
    """Customers PREFIX001… of REP: tiers is a list of (tier, count)."""
    rows, n = [], 0
    for tier, count in tiers:
        for _ in range(count):
            n += 1
            rows.append([f"{prefix}{n:03d}", f"门店{prefix}{n:03d}", tier, rep, "2025-01-01", "", "",
                         f"杭州市{AREAS[n % 5]}文{n}路{n}号"])
    return rows


def setup():
    tool("roster", "rep", "add", "sim", "--name", "王芳", "--team", "华东二组")
    tool("roster", "rep", "add", "skip", "--name", "李静", "--team", "华东二组")
    tool("roster", "rep", "add", "tight", "--name", "赵刚", "--team", "华东二组")
    rows = territory("S", "sim", [("A", 10), ("B", 30), ("C", 60)])
    rows += territory("T", "skip", [("A", 10), ("B", 30), ("C", 60)])
    rows += territory("U", "tight", [("A", 6), ("B", 4), ("C", 2)])
    for r in rows:  # one closes on the 15th, one closed before the month
        if r[0] in ("S100", "T100"):
            r[5] = "2026-09-15"
        if r[0] in ("S099", "T099"):
            r[5] = "2026-08-31"
    with open(f"{WORK}/plan-customers.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "tier", "rep", "opened_on", "closed_on", "phone", "address"])
        w.writerows(rows)
    tool("roster", "import", f"{WORK}/plan-customers.csv")
    for n in range(1, 4):  # three A customers have coordinates near West Lake
        for p in "S":
            tool("roster", "edit", f"{p}{n:03d}", "--geo", f"{30.25 + n * 0.007:.3f},{120.13 + (n % 4) * 0.011:.3f}")
    with open(f"{WORK}/plan-people.csv", "w", encoding="utf-8") as f:
        f.write("customer,name,birthday\nS005,李明,1990-09-13\nS020,王丽,1988-09-08\n"
                "T005,李明,1990-09-13\nT020,王丽,1988-09-08\n")
    tool("roster", "person", "import", f"{WORK}/plan-people.csv")
    with open(f"{WORK}/plan-events.csv", "w", encoding="utf-8") as f:
        f.write("customer,kind,date\nS030,wedding,2026-09-09\nS050,bereavement,2026-09-21\n"
                "T030,wedding,2026-09-09\nT050,bereavement,2026-09-21\nU012,bereavement,2026-09-28\n")
    tool("roster", "event", "import", f"{WORK}/plan-events.csv", now="2026-08-20T10:00")


def active(code, day):
    if code.endswith("099"):
        return False
    return not (code.endswith("100") and day > datetime.date(2026, 9, 15))


def plan(rep, day, rules, *extra):
    args = ["plan", "--rep", rep, "--from", day.isoformat(), "--days", str(31 - day.day), "--rules", rules,
            "--format", "json", *extra]
    return json.loads(tool(*args).stdout)


def plan_all(day, rules):
    """Every rep's plan from DAY to the month's end, in one run (plan --all --output-dir)."""
    out = f"{WORK}/plans-{day}"
    tool("plan", "--all", "--from", day.isoformat(), "--days", str(31 - day.day), "--rules", rules, "--format",
         "json", "--output-dir", out)
    return {rep: json.load(open(f"{out}/{rep}.json")) for rep in ("sim", "skip")}


def check_plan(p, rep, limit):
    for d in p["plan"]:
        day = datetime.date.fromisoformat(d["date"])
        visits = [c for c in d["contacts"] if c["channel"] == "visit"]
        check(len(visits) <= limit, f"{rep} {day}: {len(visits)} visits, over {limit}")
        check(not visits or (day.weekday() < 5 and day != HOLIDAY), f"{rep} {day}: visits on a day off")
        for c in d["contacts"]:
            check(active(c["customer"], day), f"{rep} {day}: {c['customer']} is not active")
            check(c["from"] <= d["date"] <= c["to"], f"{rep} {day}: {c['uid']} outside {c['from']}..{c['to']}")


def placed(p):
    return {c["uid"]: d["date"] for d in p["plan"] for c in d["contacts"]}


def log_day(day, plans):
    with open(f"{WORK}/plan-day.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer", "channel", "date", "rep", "note", "gift", "occasion"])
        for rep, p in plans:
            for c in p["plan"][0]["contacts"]:
                w.writerow([c["customer"], c["channel"], day.isoformat(), rep, "生日快乐,祝好",
                            "yes" if c["gift"] else "", (c["tag"] or "") if c["kind"] == "obligation" else ""])
    tool("log-visit", "--import", f"{WORK}/plan-day.csv", "--again", now=f"{day}T20:00")


def month_end(rep, rules):
    p = tool("check-quota", "--rep", rep, "--month", "2026-09", "--as-of", "2026-09-30", "--rules", rules,
             "--format", "json")
    return json.loads(p.stdout)


def simulate_ab(rules):
    previous, moved, after_skip = None, 0, None
    for day in MONTH_DAYS:
        plans = plan_all(day, rules)
        a, b = plans["sim"], plans["skip"]
        if day.day % 10 == 1:
            check(a == plan("sim", day, rules), f"(d) {day}: two runs differ")
        check_plan(a, "sim", LIMIT)
        check(a["missed"] == [], f"(a) {day}: something cannot fit: {a['missed'][:2]}")
        if previous is not None:
            now = placed(a)
            moved += sum(1 for uid, date in previous.items() if date >= day.isoformat() and now.get(uid) != date)
        previous = placed(a)
        check_plan(b, "skip", LIMIT)
        if day == datetime.date(2026, 9, 17):
            after_skip = b
        todo = [("sim", a)] + ([] if 14 <= day.day <= 16 else [("skip", b)])
        log_day(day, todo)
        if day == datetime.date(2026, 9, 1):
            check_skip(a, rules)
    check(moved == 0, f"(d) following the plan, {moved} planned contacts moved to another day")
    result = month_end("sim", rules)
    check(all(c["status"] == "met" for c in result["customers"]), "(a) every quota met by the month's end: " +
          str([c["code"] for c in result["customers"] if c["status"] != "met"]))
    check(all(o["state"] == "done" for o in result["obligations"]), "(a) every obligation done: " +
          str([(o["customer"], o["tag"], o["state"]) for o in result["obligations"] if o["state"] != "done"]))
    check(len(result["customers"]) == 99, f"(a) 99 customers active in September, {len(result['customers'])}")
    check_feasible(after_skip, month_end("skip", rules))


def check_skip(p, rules):
    """--skip CODE@DATE moves that customer's contacts off the day."""
    second = p["plan"][1]
    code = next(c["customer"] for c in second["contacts"] if c["channel"] == "visit")
    moved = plan("sim", MONTH_DAYS[0], rules, "--skip", f"{code}@{second['date']}")
    check(not [c for c in moved["plan"][1]["contacts"] if c["customer"] == code], "--skip: not on that day")
    before = {u for u, d in placed(p).items() if u.startswith(f"quota-{code}-visit")}
    check(before <= set(placed(moved)), "--skip: its visits are still planned, on other days")


def check_feasible(replanned, result):
    """(b): what the plan of the 17th did not list as missed is done by the month's end."""
    missed = {}
    for m in replanned["missed"]:
        if m["kind"] == "quota":
            missed[(m["customer"], m["channel"])] = missed.get((m["customer"], m["channel"]), 0) + 1
    for c in result["customers"]:
        if c["code"] == "T100":  # closed on the 15th, during the days skipped: nothing to plan on the 17th
            continue
        for ch, v in c["channels"].items():
            check(v["done"] >= v["required"] - missed.get((c["code"], ch), 0),
                  f"(b) {c['code']} {ch}: {v['done']} of {v['required']} done, plan missed {missed.get((c['code'], ch), 0)}")
    late = {(m["customer"], m["tag"]) for m in replanned["missed"] if m["kind"] == "obligation"}
    for o in result["obligations"]:
        check(o["state"] == "done" or (o["customer"], o["tag"]) in late or o["customer"] == "T100", f"(b) {o['customer']} {o['tag']}: {o['state']}")
    print(f"(b) after three days skipped: {len(replanned['missed'])} contacts cannot fit any more")


def simulate_c(rules_tight):
    p = tool("plan", "--rep", "tight", "--from", "2026-09-28", "--days", "4", "--rules", rules_tight,
             "--format", "json")
    check(p.returncode == 1, "(c) exit 1 when something cannot fit")
    p = json.loads(p.stdout)
    check_plan(p, "tight", 8)
    visits = [c for d in p["plan"] for c in d["contacts"] if c["channel"] == "visit" and d["date"] < "2026-10"]
    by_tier = {t: sum(1 for c in visits if c["kind"] == "quota" and c["tier"] == t) for t in "ABC"}
    check([c for d in p["plan"] for c in d["contacts"] if c["kind"] == "obligation" and c["customer"] == "U012"],
          "(c) the bereavement visit is planned (inside its window: by 10-01) before any quota")
    check(by_tier == {"A": 18, "B": 6, "C": 0}, f"(c) A first (3 days × 6), then B in the 6 left: {by_tier}")
    missed = [m for m in p["missed"] if m["kind"] == "quota" and m["channel"] == "visit"]
    check(len(missed) == 6 * 8 - 18 + 4 * 4 - 6 + 1, f"(c) missed visits: {len(missed)}")
    check([m["tier"] for m in missed] == sorted(m["tier"] for m in missed), "(c) missed listed A, then B, then C")
    check(all(m["why"] == "no_room" for m in missed), "(c) missed for want of room")


def main():
    setup()
    write_rules(f"{WORK}/plan-rules.toml", LIMIT)
    write_rules(f"{WORK}/plan-tight.toml", 8)
    simulate_c(f"{WORK}/plan-tight.toml")
    simulate_ab(f"{WORK}/plan-rules.toml")
    print(f"plan simulations: {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
