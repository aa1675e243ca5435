// Computes the Chinese lunisolar calendar from first principles with the astronomy-engine ephemeris,
// following GB/T 33661-2017: a month starts on the local civil day of the new moon, the month holding the
// winter solstice is month 11, and in a 13-month sui the first month without a major solar term (中气) is leap.
// `offsetMinutes(ms)` gives the civil-time offset from UT in force at an instant (480 = UTC+8, 120°E).
'use strict';
const A = require('astronomy-engine');

const DAY = 86400000;
const BEIJING_LMT = 465 + 40 / 60;  // 116°25'E = UTC+7:45:40, the calendar meridian used before 1929
const CUTOVER_1929 = Date.UTC(1928, 11, 31, 16);  // 1929-01-01 00:00 UTC+8
const historicalOffset = (ms) => (ms < CUTOVER_1929 ? BEIJING_LMT : 480);
const utc8Offset = () => 480;

function compute(offsetMinutes, firstLunarYear = 1900, lastLunarYear = 2099) {
  const local = (t) => t.date.getTime() + offsetMinutes(t.date.getTime()) * 60000;
  const dayOf = (t) => Math.floor(local(t) / DAY);  // civil day number, days since 1970-01-01
  const whenOf = (t) => new Date(local(t)).toISOString().slice(0, 19).replace('T', ' ');
  const from = A.MakeTime(new Date(Date.UTC(firstLunarYear - 1, 9, 1)));
  const until = Date.UTC(lastLunarYear + 2, 3, 1);
  const moons = [];
  for (let t = from; t.date.getTime() < until;) {
    const nm = A.SearchMoonPhase(0, t, 40);
    moons.push({ day: dayOf(nm), when: whenOf(nm) });
    t = nm.AddDays(20);
  }
  const zq = [];  // major solar terms: apparent solar longitude a multiple of 30°
  for (let t = from; ;) {
    const lon = (Math.floor(A.SunPosition(t).elon / 30) + 1) % 12 * 30;
    const q = A.SearchSunLongitude(lon, t, 40);
    if (q.date.getTime() >= until) break;
    zq.push({ day: dayOf(q), lon, when: whenOf(q) });
    t = q.AddDays(1);
  }
  const solstices = zq.filter((q) => q.lon === 270);
  const monthIndex = (day) => { let i = 0; while (moons[i + 1].day <= day) i++; return i; };
  const hasMajorTerm = (i) => zq.some((q) => q.day >= moons[i].day && q.day < moons[i + 1].day);

  const months = [];
  for (let s = 0; s + 1 < solstices.length; s++) {
    const a = monthIndex(solstices[s].day), b = monthIndex(solstices[s + 1].day);
    let leapAt = -1;
    if (b - a === 13) { for (let i = a + 1; i < b; i++) if (!hasMajorTerm(i)) { leapAt = i; break; } }
    else if (b - a !== 12) throw new Error(`sui with ${b - a} months`);
    let year = new Date(solstices[s].day * DAY).getUTCFullYear(), num = 11;
    for (let i = a; i < b; i++) {
      const leap = i === leapAt;
      if (i !== a && !leap) { num = num % 12 + 1; if (num === 1) year++; }
      if (year >= firstLunarYear && year <= lastLunarYear)
        months.push({ year, month: num, leap, start: moons[i].day, days: moons[i + 1].day - moons[i].day, newMoon: moons[i].when });
    }
  }
  return { months, zq, moons };
}

const ymd = (day) => new Date(day * DAY).toISOString().slice(0, 10);
module.exports = { compute, historicalOffset, utc8Offset, ymd, DAY };
