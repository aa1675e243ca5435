#!/usr/bin/env python3
"""Generate deterministic example data for the keqing pharma field-sales CRM CLI.

Writes reps.csv, customers.csv, contacts.csv and a summary next to this script (examples/):
  reps.csv, customers.csv, contacts.csv, README.txt
and prints a short compliance summary.

Deterministic: fixed random seed, no external packages.
"""
import csv
import datetime as dt
import io
import math
import os
import random

SEED = 20261120
rng = random.Random(SEED)

OUT = os.path.dirname(os.path.abspath(__file__))

MONTH_START = dt.date(2026, 11, 1)
AS_OF = dt.date(2026, 11, 20)          # last day with contacts (inclusive)
DAYS_IN_MONTH = 30
ELAPSED = (AS_OF - MONTH_START).days + 1  # 20

CHANNELS = ["visit", "call", "message"]
QUOTA = {  # per month: visits, calls, messages
    "A": {"visit": 8, "call": 4, "message": 4},
    "B": {"visit": 4, "call": 2, "message": 2},
    "C": {"visit": 1, "call": 1, "message": 1},
}
PACE = {t: {ch: math.floor(q * ELAPSED / DAYS_IN_MONTH) for ch, q in qs.items()}
        for t, qs in QUOTA.items()}

REPS = [
    ("wang", "王强", "华东一组"),
    ("li", "李娜", "华东一组"),
    ("zhao", "赵磊", "华东二组"),
]

# ---------------------------------------------------------------------------
# Customers: (name, tier, rep, profile, stage, special)
# profile drives the per-channel contact plan (see plan_counts()).
# special: None | ("opened", date) | ("closed", date)
# Every name starts with a distinct first character, EXCEPT the deliberate
# ambiguous pair 康泰大药房 / 康泰医药连锁(北门店).
# ---------------------------------------------------------------------------
D = dt.date
CUSTOMERS = [
    ("康泰大药房",           "A", "wang", "met",          "key",        None),                       # HZ001
    ("老百姓大药房(解放路店)", "A", "li",   "ahead",        "key",        None),                       # HZ002
    ("益丰大药房(城东店)",     "A", "zhao", "pace",         "stable",     None),                       # HZ003
    ("仁和堂药店",           "B", "wang", "pace",         "stable",     None),                       # HZ004
    ("同济堂",               "C", "li",   "met",          "developing", None),                       # HZ005
    ("百姓缘药房",           "B", "zhao", "behind_call",        "stable",     None),                       # HZ006
    ("海王星辰(文三路店)",     "A", "wang", "behind_visit", "stable",     None),                       # HZ007
    ("九洲大药房（湖滨店）",   "A", "li",   "met",          "key",        None),                       # HZ008
    ("华东医药(庆春店)",       "B", "wang", "met",          "stable",     None),                       # HZ009
    ("民生大药房",           "C", "zhao", "partial",      "developing", None),                       # HZ010
    ("天天好大药房",         "B", "li",   "behind_call",  "developing", None),                       # HZ011
    ("张同泰(清河坊店)",       "A", "zhao", "behind_all",   "stable",     None),                       # HZ012
    ("方回春堂国药馆",       "C", "wang", "none",         "prospect",   None),                       # HZ013
    ("胡庆余堂（大井巷店）",   "B", "zhao", "pace",         "stable",     None),                       # HZ014
    ("众安大药房",           "C", "li",   "partial",      "developing", None),                       # HZ015
    ("瑞人堂(下沙店)",         "B", "wang", "behind_visit", "developing", None),                       # HZ016
    ("康泰医药连锁(北门店)",   "B", "li",   "ahead",        "stable",     None),                       # HZ017
    ("禾康药房",             "C", "zhao", "met",          "developing", None),                       # HZ018
    ("德仁堂药店",           "A", "wang", "ahead",        "key",        None),                       # HZ019
    ("新安堂药房",           "B", "zhao", "opened",       "new",        ("opened", D(2026, 11, 10))), # HZ020
    ("永康药房",             "C", "wang", "met",          "stable",     None),                       # HZ021
    ("惠民药店",             "B", "li",   "behind_msg",         "stable",     None),                       # HZ022
    ("佑康大药房",           "C", "zhao", "partial",      "developing", None),                       # HZ023
    ("金鼎药房",             "B", "wang", "closed_mid",   "developing", ("closed", D(2026, 11, 12))), # HZ024
    ("福寿堂",               "C", "li",   "met",          "stable",     None),                       # HZ025
    ("广济药房",             "A", "li",   "behind_msg",   "stable",     None),                       # HZ026
    ("一心堂（西溪店）",       "B", "zhao", "behind_visit", "developing", None),                       # HZ027
    ("国大药房(武林店)",       "B", "wang", "ahead",        "stable",     None),                       # HZ028
    ("养生堂大药房",         "C", "zhao", "met",          "stable",     None),                       # HZ029
    ("中联大药房(滨江店)",     "C", "wang", "closed_early", "stable",     ("closed", D(2026, 9, 30))),  # HZ030
    ("叮当快药(城西店)",       "C", "li",   "opened",       "new",        ("opened", D(2026, 11, 16))), # HZ031
    ("安康药房",             "C", "zhao", "partial",      "prospect",   None),                       # HZ032
    ("寿仙谷药房",           "C", "wang", "partial",      "developing", None),                       # HZ033
    ("杏林春药店",           "B", "li",   "behind_all",   "developing", None),                       # HZ034
    ("博济堂",               "C", "zhao", "met",          "stable",     None),                       # HZ035
    ("明德药房",             "C", "li",   "partial",      "developing", None),                       # HZ036
    ("泰和堂药店",           "C", "wang", "partial",      "developing", None),                       # HZ037
    ("济世堂",               "B", "zhao", "met",          "stable",     None),                       # HZ038
    ("宝芝林药房",           "C", "zhao", "none",         "prospect",   None),                       # HZ039
    ("润生药房",             "C", "li",   "met",          "stable",     None),                       # HZ040
]

DISTRICTS = {
    "上城区": ["解放路", "庆春路", "清泰街", "望江路", "江城路", "中山中路", "河坊街", "秋涛路"],
    "拱墅区": ["莫干山路", "湖墅南路", "大关路", "上塘路", "武林路", "体育场路"],
    "西湖区": ["文三路", "文一西路", "天目山路", "古墩路", "学院路", "教工路", "留下街"],
    "滨江区": ["江南大道", "滨盛路", "长河路", "江陵路", "西兴路"],
    "萧山区": ["人民路", "金城路", "市心中路", "北干路"],
    "余杭区": ["文一西路", "五常大道", "临平大道", "南苑街"],
    "钱塘区": ["下沙路", "学林街", "文泽路", "海达南路"],
}
NEAR = ["近学院路", "近地铁站B口", "近第一人民医院", "近农贸市场", "华润万家对面", "社区服务中心旁"]

PRODUCTS = ["感冒灵颗粒", "小儿止咳糖浆", "复方丹参滴丸", "布洛芬缓释胶囊", "藿香正气口服液",
            "维C银翘片", "健胃消食片", "皮炎平软膏", "蒲地蓝消炎片", "板蓝根颗粒"]
COMPETITORS = ["999感冒灵", "同仁堂板蓝根", "芬必得", "江中健胃消食片", "念慈菴枇杷膏", "云南白药膏"]

FEEDBACK = ["店员反映{p}口感好", "顾客反映{p}起效快", "店长说{p}近期走量不错",
            "店员反映{p}包装和竞品容易混淆", "顾客问{p}有没有儿童装", "店员说{p}复购率高",
            "店长反映{p}到货慢了两天", "店员反映{p}价格顾客能接受"]
PREFS = ["店长喜欢喝普洱茶", "店长爱喝龙井", "店长周末打羽毛球", "店长喜欢钓鱼",
         "店员小王爱吃坚果", "店长在练书法", "店长喜欢看越剧", "店长爱跑步,在备战马拉松",
         "店长喜欢养多肉", "店长爱喝咖啡"]
FAVOURS = ["带了一盒普洱茶", "带了一袋水果", "帮店里整理了货架", "帮忙打印促销海报",
           "送了两张电影票", "帮店长代买了一本书法字帖", "带了两盒点心", "帮忙搬运到货"]
FAMILY = ["营业员小李孩子今年高考", "店长母亲刚做完手术出院", "店长女儿下月结婚",
          "店员小陈刚生二胎", "店长儿子在读研究生", "店长父亲过八十大寿",
          "营业员小周在备考执业药师", "店长爱人在市一医院工作"]
COMPETITOR_NOTES = ["竞品{c}降价10%", "竞品{c}买二送一", "竞品{c}降价10%,买二送一",
                    "竞品{c}新上柜,端架陈列", "竞品{c}给店员推荐奖励5元/盒", "竞品{c}做会员日满减"]
SLOW = ["{p}滞销:价格高于周边", "{p}滞销:近效期", "{p}滞销:陈列位置差",
        "{p}滞销:顾客认知度低", "{p}滞销:规格偏大"]

VISIT_NOTES = ["陈列检查,补货", "陈列检查", "检查效期,补货", "拜访店长,沟通十二月订货",
               "张贴POP,调整陈列", "核对库存,补货", "收集竞品信息", "沟通双十二促销",
               "拜访店长,跟进回款", "陈列检查,拍照上报"]
CALL_NOTES = ["电话确认十二月订货计划", "电话跟进回款", "电话沟通促销活动", "电话确认到货情况",
              "电话回访店长", "电话沟通退换货", "电话预约下次拜访", "电话确认对账单"]
MSG_NOTES = ["微信发送新品资料", "微信发送促销政策", "微信提醒订货", "微信发送陈列标准",
             "微信节日问候", "微信确认对账单", "微信发送双十二活动方案", "微信发送产品说明书",
             "微信转发医保目录调整通知", "微信回复店员用药咨询"]
TP_NOTES = ["经销商业务员代为送货", "连锁总部采购对接", "经销商代访,补货",
            "配送公司上门核对库存", "经销商代为收集竞品信息"]
SOLVED = ["帮忙协调退换过期药品", "帮忙调货解决断货", "协调经销商加急配送",
          "帮忙联系厂家补发赠品", "协助处理医保刷卡问题", "帮忙核对并更正对账单",
          "帮店长孩子咨询高考志愿", "协调厂家更换破损包装"]
HELP_NOTES = ["请店长帮忙推荐新品", "请店长帮忙介绍周边药店", "请店员帮忙收集顾客反馈",
              "请店长帮忙多给一个端架位"]


# ---------------------------------------------------------------------------
def active_window(special):
    """Days (inclusive) in 2026-11-01..AS_OF when the customer is active.
    closed_on is the last active day (SPEC §3); the generator simply logs no contacts on it."""
    lo, hi = MONTH_START, AS_OF
    if special and special[0] == "opened":
        lo = max(lo, special[1])
    if special and special[0] == "closed":
        hi = min(hi, special[1] - dt.timedelta(days=1))
    if hi < lo:
        return []
    return [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)]


def plan_counts(tier, profile):
    """Deliberate per-channel target counts (visit, call, message)."""
    p, q = PACE[tier], QUOTA[tier]
    r = rng.randint
    if profile == "none" or profile == "closed_early":
        return {"visit": 0, "call": 0, "message": 0}
    if tier == "C":
        if profile == "met":
            return {"visit": r(1, 3), "call": r(1, 4), "message": r(4, 10)}
        if profile == "partial":   # on pace (pace is 0) but at least one channel still 0
            v, c, m = r(0, 1), r(0, 3), r(0, 8)
            if v and c and m:
                v = 0
            return {"visit": v, "call": c, "message": m}
        if profile == "opened":
            return {"visit": 1, "call": 0, "message": 3}
    if profile == "met":
        return {"visit": q["visit"] + r(0, 2), "call": q["call"] + r(1, 4),
                "message": q["message"] + r(10, 18)}
    if profile == "ahead":
        return {"visit": p["visit"] + r(1, q["visit"] - p["visit"] - 1),
                "call": p["call"] + r(1, 3), "message": q["message"] + r(8, 16)}
    if profile == "pace":
        return {"visit": p["visit"], "call": p["call"] + r(0, 1), "message": p["message"] + r(6, 14)}
    if profile == "behind_visit":
        return {"visit": 2 if tier == "A" else 1, "call": p["call"] + r(0, 2),
                "message": p["message"] + r(6, 14)}
    if profile == "behind_call":
        return {"visit": p["visit"] + r(0, 1), "call": p["call"] - 1,
                "message": p["message"] + r(6, 14)}
    if profile == "behind_msg":
        return {"visit": p["visit"] + 1, "call": p["call"] + 1, "message": p["message"] - 1}
    if profile == "behind_all":
        return {"visit": p["visit"] - (3 if tier == "A" else 1),
                "call": p["call"] - 1, "message": p["message"] - 1}
    if profile == "opened":       # B opened 11-10: 11 active days
        return {"visit": 2, "call": 1, "message": 6}
    if profile == "closed_mid":   # B closed 11-12: 11 active days
        return {"visit": 2, "call": 1, "message": 5}
    raise ValueError(profile)


def day_weight(d, channel):
    wd = d.weekday()  # 5 Sat, 6 Sun
    if channel in ("visit", "call", "third_party"):
        return {5: 0.35, 6: 0.08}.get(wd, 1.0)
    return {5: 0.6, 6: 0.4}.get(wd, 1.0)


def pick_days(days, n, channel, max_per_day, taken=None):
    """Weighted sample of n days (<= max_per_day per day), spread over window."""
    counts = {}
    out = []
    for _ in range(n):
        cands = [d for d in days if counts.get(d, 0) < max_per_day
                 and not (taken and d in taken)]
        if not cands:
            cands = [d for d in days if counts.get(d, 0) < max_per_day]
        # spread: penalise days adjacent to already chosen days
        ws = []
        for d in cands:
            w = day_weight(d, channel)
            for o in out:
                if abs((d - o).days) <= 1:
                    w *= 0.35
            ws.append(w)
        d = rng.choices(cands, weights=ws)[0]
        counts[d] = counts.get(d, 0) + 1
        out.append(d)
    return sorted(out)


def hm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def main():
    os.makedirs(OUT, exist_ok=True)

    # ---------------- customers ----------------
    customers = []
    used_addr = set()
    for i, (name, tier, rep, profile, stage, special) in enumerate(CUSTOMERS, 1):
        code = f"HZ{i:03d}"
        if special and special[0] == "opened":
            opened = special[1]
        else:
            opened = D(2023, 1, 1) + dt.timedelta(days=rng.randint(0, (D(2025, 12, 31) - D(2023, 1, 1)).days))
        closed = special[1] if special and special[0] == "closed" else None
        while True:
            dist = rng.choice(list(DISTRICTS))
            street = rng.choice(DISTRICTS[dist])
            addr = f"杭州市{dist}{street}{rng.randint(1, 399)}号"
            if addr not in used_addr:
                break
        used_addr.add(addr)
        if i % 6 == 2:  # some addresses contain an ASCII comma -> exercise quoting
            addr += "," + rng.choice(NEAR)
        elif i % 7 == 3:
            addr += rng.choice(["1楼", "底商", f"{rng.randint(1, 12)}幢1楼"])
        phone = f"0571-8{rng.randint(0, 9999999):07d}"
        customers.append(dict(code=code, name=name, tier=tier, rep=rep, profile=profile,
                              stage=stage, special=special, opened_on=opened,
                              closed_on=closed, phone=phone, address=addr))

    # sanity: names unique, exactly one ambiguous first-char pair
    names = [c["name"] for c in customers]
    assert len(set(names)) == len(names)
    firsts = {}
    for c in customers:
        firsts.setdefault(c["name"][0], []).append(c)
    dup = [v for v in firsts.values() if len(v) > 1]
    assert len(dup) == 1 and len(dup[0]) == 2, dup
    ambiguous = dup[0]

    # ---------------- per-customer per-person flavour ----------------
    for c in customers:
        c["prefs"] = rng.sample(PREFS, 2)
        c["family"] = rng.sample(FAMILY, 2)
        c["our_products"] = rng.sample(PRODUCTS, 3)

    # ---------------- contacts plan ----------------
    rows = []  # dicts
    for c in customers:
        window = active_window(c["special"])
        c["window"] = window
        plan = plan_counts(c["tier"], c["profile"])
        if not window:
            plan = {k: 0 for k in plan}
        c["plan"] = plan
        vdays = pick_days(window, plan["visit"], "visit", 1) if plan["visit"] else []
        cdays = pick_days(window, plan["call"], "call", 1, taken=set(vdays)) if plan["call"] else []
        mdays = pick_days(window, plan["message"], "message", 2) if plan["message"] else []
        for ch, days in (("visit", vdays), ("call", cdays), ("message", mdays)):
            for d in days:
                rows.append(dict(customer=c["code"], channel=ch, date=d, rep=c["rep"], cust=c))

    # a handful of third_party contacts on A/B customers with activity
    tp_cands = [c for c in customers if c["tier"] in "AB" and c["window"] and c["profile"] != "none"]
    for c in rng.sample(tp_cands, 7):
        d = pick_days(c["window"], 1, "third_party", 1)[0]
        rows.append(dict(customer=c["code"], channel="third_party", date=d, rep=c["rep"], cust=c))

    # ---------------- times ----------------
    by_rep_day = {}
    for r in rows:
        by_rep_day.setdefault((r["rep"], r["date"]), []).append(r)
    for (rep, d), rs in by_rep_day.items():
        used = set()
        visits = [r for r in rs if r["channel"] == "visit"]
        rng.shuffle(visits)
        t = rng.randint(8 * 60 + 30, 9 * 60 + 40)
        for r in visits:               # sequential route, 45-110 min apart
            r["t"] = min(t, 18 * 60 + 30)
            used.add(r["t"])
            t += rng.randint(45, 110)
            if 11 * 60 + 40 <= t <= 13 * 60:   # lunch break
                t += rng.randint(40, 70)
        for r in rs:
            if r["channel"] == "visit":
                continue
            lo, hi = {"call": (9 * 60, 18 * 60 + 30), "message": (8 * 60 + 30, 19 * 60),
                      "third_party": (9 * 60, 17 * 60)}[r["channel"]]
            while True:
                m = rng.randint(lo, hi)
                if all(abs(m - u) >= 6 for u in used):
                    break
            r["t"] = m
            used.add(m)
    # a rep should not have more than 8 visits a day
    for (rep, d), rs in by_rep_day.items():
        assert sum(r["channel"] == "visit" for r in rs) <= 8, (rep, d)

    rows.sort(key=lambda r: (r["date"], r["t"], r["customer"]))

    # ---------------- fill text columns ----------------
    cols = ["note", "gift", "occasion", "feedback", "preference", "favour", "family",
            "competitor", "slow_mover", "asked_help", "solved", "training"]
    check = ["feedback", "preference", "favour", "family", "competitor", "slow_mover"]
    for r in rows:
        for k in cols:
            r[k] = ""
        c = r["cust"]
        ch = r["channel"]
        if ch == "visit":
            r["note"] = rng.choice(VISIT_NOTES)
            p = rng.choice(c["our_products"])
            vals = {
                "feedback": rng.choice(FEEDBACK).format(p=p),
                "preference": rng.choice(c["prefs"]),
                "favour": rng.choice(FAVOURS),
                "family": rng.choice(c["family"]),
                "competitor": rng.choice(COMPETITOR_NOTES).format(c=rng.choice(COMPETITORS)),
                "slow_mover": rng.choice(SLOW).format(p=rng.choice(c["our_products"])),
            }
            if rng.random() >= 0.6:
                for k in rng.sample(check, rng.randint(1, 4)):
                    vals[k] = ""
            r.update(vals)
        elif ch == "call":
            r["note"] = rng.choice(CALL_NOTES)
        elif ch == "message":
            r["note"] = rng.choice(MSG_NOTES)
        else:
            r["note"] = rng.choice(TP_NOTES)

    visits = [r for r in rows if r["channel"] == "visit"]
    # a couple of notes with embedded double quotes -> exercise RFC 4180 escaping
    for r in rng.sample(visits, 2):
        r["note"] = '店长说"下周再订",先补货'
    # gifts on a few visits
    for r in rng.sample(visits, 9):
        r["gift"] = "1"
    # asked_help: wang 8, li 9, zhao 3 (zhao deliberately misses)
    help_target = {"wang": 8, "li": 9, "zhao": 3}
    for rep, n in help_target.items():
        cands = [r for r in rows if r["rep"] == rep and r["channel"] in ("visit", "call")]
        for r in rng.sample(cands, n):
            r["asked_help"] = "1"
            if r["channel"] == "call":
                r["note"] = rng.choice(HELP_NOTES).replace("请", "电话请", 1)
    # solved on ~14 contacts (mostly visits)
    solved_cands = [r for r in rows if r["channel"] in ("visit", "call") and not r["asked_help"]]
    for r in rng.sample(solved_cands, 14):
        r["solved"] = rng.choice(SOLVED)
    # training: wang 2, li 1 visits to A customers; zhao none
    for rep, n in (("wang", 2), ("li", 1)):
        cands = [r for r in visits if r["rep"] == rep and r["cust"]["tier"] == "A"]
        for r in rng.sample(cands, n):
            r["training"] = "1"
            r["note"] = "店员产品培训:" + rng.choice(r["cust"]["our_products"])

    # ---------------- write CSVs ----------------
    def write(fn, header, data):
        with open(os.path.join(OUT, fn), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(header)
            w.writerows(data)

    write("reps.csv", ["id", "name", "team"], REPS)
    write("customers.csv",
          ["code", "name", "tier", "rep", "opened_on", "closed_on", "phone", "address", "stage"],
          [[c["code"], c["name"], c["tier"], c["rep"], c["opened_on"].isoformat(),
            c["closed_on"].isoformat() if c["closed_on"] else "", c["phone"], c["address"],
            c["stage"]] for c in customers])
    header = ["customer", "channel", "date", "time", "rep"] + cols
    write("contacts.csv", header,
          [[r["customer"], r["channel"], r["date"].isoformat(), hm(r["t"]), r["rep"]]
           + [r[k] for k in cols] for r in rows])

    # ---------------- compliance / summary ----------------
    counts = {c["code"]: {ch: 0 for ch in CHANNELS + ["third_party"]} for c in customers}
    for r in rows:
        counts[r["customer"]][r["channel"]] += 1
    full_window = lambda c: len(c["window"]) == ELAPSED
    behind, met, onpace = [], [], []
    for c in customers:
        if not c["window"] or not full_window(c):
            continue
        k = counts[c["code"]]
        lag = [ch for ch in CHANNELS if k[ch] < PACE[c["tier"]][ch]]
        if lag:
            behind.append((c, lag))
        elif all(k[ch] >= QUOTA[c["tier"]][ch] for ch in CHANNELS):
            met.append(c)
        else:
            onpace.append(c)
    full_active = [c for c in customers if c["window"] and full_window(c)]

    out = io.StringIO()
    p = lambda *a: print(*a, file=out)
    p(f"contacts.csv: {len(rows)} rows, 2026-11-01..2026-11-20; seed {SEED}")
    for ch in CHANNELS + ["third_party"]:
        p(f"  {ch:<11} {sum(r['channel'] == ch for r in rows)}")
    p("per tier (counts per customer over active customers with full 20-day window; "
      "pace A 5/2/2, B 2/1/1, C 0/0/0):")
    for t in "ABC":
        cs = [c for c in customers if c["tier"] == t]
        fa = [c for c in cs if c in full_active]
        parts = []
        for ch in CHANNELS:
            vals = [counts[c["code"]][ch] for c in fa]
            parts.append(f"{ch} {min(vals)}-{max(vals)}")
        p(f"  {t}: {len(cs)} customers ({len(fa)} full-window active); " + ", ".join(parts))
    p("per rep: " + ", ".join(
        f"{rid} {sum(c['rep'] == rid for c in customers)} cust/"
        f"{sum(r['rep'] == rid for r in rows)} rows/asked_help "
        f"{sum(r['rep'] == rid and r['asked_help'] == '1' for r in rows)}"
        for rid, _, _ in REPS))
    p(f"full-window active customers: {len(full_active)}; on pace or ahead on every channel: "
      f"{len(met) + len(onpace)} (of which met full-month quota: {len(met)}); behind: {len(behind)}")
    summary = out.getvalue()
    print(summary, end="")

    # ---------------- README ----------------
    def lab(c):
        return f"{c['code']} {c['name']} ({c['tier']}, {c['rep']})"

    def cnt(c):
        k = counts[c["code"]]
        return f"visit {k['visit']}/call {k['call']}/message {k['message']}"

    L = []
    L.append("keqing example data — generated by gen_examples.py (seed %d, deterministic)." % SEED)
    L.append("")
    L.append("Files: reps.csv, customers.csv, contacts.csv (UTF-8, LF, header row, RFC 4180 quoting).")
    L.append("Contacts cover 2026-11-01..2026-11-20; evaluate compliance 'as of' 2026-11-20")
    L.append("(20 of 30 days). Quotas/month A 8/4/4, B 4/2/2, C 1/1/1 (visit/call/message);")
    L.append("on pace = floor(quota*20/30): A 5/2/2, B 2/1/1, C 0/0/0.")
    L.append("")
    L.append("Summary:")
    L.extend("  " + s for s in summary.rstrip("\n").split("\n"))
    L.append("")
    L.append("Ambiguous name prefix (the only pair sharing a leading character; every other")
    L.append("name starts with a unique character): prefix '康泰' matches both")
    for c in ambiguous:
        L.append(f"  {c['code']} {c['name']}")
    L.append("")
    L.append("Opened / closed around the month:")
    for c in customers:
        if c["special"]:
            kind, d = c["special"]
            extra = ""
            if kind == "closed" and d.month == 11:
                extra = "; last active day 2026-11-12 (closed_on is inclusive); its contacts end on 2026-11-11"
            if kind == "closed" and d.month != 11:
                extra = "; NOT active in November, has no contacts"
            if kind == "opened":
                extra = f"; contacts only from {d.isoformat()}"
            L.append(f"  {lab(c)} {kind}_on {d.isoformat()} -> {cnt(c)}{extra}")
    L.append("")
    L.append("Behind pace on at least one channel (full-window customers):")
    for c, lag in behind:
        L.append(f"  {lab(c)}: {cnt(c)}; behind on {', '.join(lag)}")
    L.append("")
    L.append("Already met the full-month quota on every channel:")
    for c in met:
        L.append(f"  {lab(c)}: {cnt(c)}")
    L.append("")
    L.append("On pace or ahead but not yet at full quota:")
    for c in onpace:
        extra = ""
        if c["tier"] == "C" and any(counts[c["code"]][ch] == 0 for ch in CHANNELS):
            extra = "  (C: pace is 0, still needs 1 on the zero channels)"
        L.append(f"  {lab(c)}: {cnt(c)}{extra}")
    L.append("")
    zero = [c for c in customers if c["window"] and sum(counts[c["code"]].values()) == 0]
    L.append("Active customers with NO contacts at all: " + ", ".join(lab(c) for c in zero))
    L.append("")
    L.append("Other deliberate details:")
    L.append("  third_party rows: " + ", ".join(
        f"{r['customer']} {r['date'].isoformat()}" for r in rows if r["channel"] == "third_party"))
    L.append("  asked_help=1 per rep: " + ", ".join(
        f"{rid} {sum(r['rep'] == rid and r['asked_help'] == '1' for r in rows)}" for rid, _, _ in REPS)
             + " (zhao deliberately < 5)")
    L.append("  training=1 (visits to A customers): " + ", ".join(
        f"{r['rep']} {r['customer']} {r['date'].isoformat()}" for r in rows if r["training"] == "1")
             + "; zhao has none")
    L.append(f"  gift=1 on {sum(r['gift'] == '1' for r in rows)} visits; "
             f"solved filled on {sum(bool(r['solved']) for r in rows)} contacts; occasion always empty")
    nv = len(visits)
    nfull = sum(all(r[k] for k in check) for r in visits)
    L.append(f"  visit checklist: {nfull}/{nv} visits have all six of feedback/preference/favour/"
             f"family/competitor/slow_mover; the rest miss 1-4; non-visit rows have none")
    L.append("  quoting: some addresses and some competitor/preference texts contain ASCII commas;")
    L.append('  two visit notes contain double quotes (店长说"下周再订",先补货).')
    L.append("  at most 1 visit and 1 call per customer per day; messages at most 2 per customer per day;")
    L.append("  times 08:30-19:00; rows sorted by date then time.")
    with open(os.path.join(OUT, "README.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
