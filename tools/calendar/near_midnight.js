// Lists every lunar month start 1901-2099 whose new moon falls close to local midnight, with the instant
// given by three independent ephemerides: astronomy-engine, the 寿星 high-precision series shipped in
// lunar-javascript (ShouXingUtil.shuoHigh) and astronomia (Meeus ch. 49 + its ΔT table/extrapolation).
// Output: out/near_midnight.csv. Run: node near_midnight.js [minutes=20]
'use strict';
const fs = require('fs');
const path = require('path');
const A = require('astronomy-engine');
const { ShouXingUtil } = require('lunar-javascript');
const moonphase = require('astronomia/moonphase');
const deltat = require('astronomia/deltat');

const LIMIT = Number(process.argv[2] || 20);
const DAY = 86400000, J2000_MS = Date.UTC(2000, 0, 1, 12);
const ref = fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'data', 'lunar_months.csv'), 'utf8').trim().split('\n').slice(1);
const fmt = (ms, offMin) => new Date(ms + offMin * 60000).toISOString().slice(0, 19).replace('T', ' ');
const out = ['lunar_year,month,leap,reference_start,offset,astronomy_engine,shouxing_high,astronomia,min_to_midnight'];
for (const line of ref) {
  const [ly, m, leap, start] = line.split(',');
  const startMs = Date.parse(start + 'T00:00:00Z');
  if (startMs < Date.UTC(1901, 0, 1) - 40 * DAY) continue;
  const offMin = Number(start.slice(0, 4)) < 1929 ? 465 + 40 / 60 : 480;  // Beijing LMT before 1929
  // astronomy-engine: the new moon nearest the reference start.
  const ae = A.SearchMoonPhase(0, A.MakeTime(new Date(startMs - 15 * DAY)), 30).date.getTime();
  // 寿星 high-precision: shuoHigh(n*2π) -> days from J2000 in UTC+8.
  const n = Math.round((startMs - J2000_MS) / DAY / 29.5306 - (2451551 - 2451545) / 29.5306);
  const sx = (ShouXingUtil.shuoHigh(n * 2 * Math.PI) - 1 / 3) * DAY + J2000_MS;
  // astronomia: JDE (TT) of the new moon nearest the decimal year, minus ΔT.
  const dy = 2000 + (startMs - Date.UTC(2000, 0, 1)) / DAY / 365.2425;
  const jde = moonphase.newMoon(dy);
  const am = (jde - 2451545) * DAY + J2000_MS - deltat.deltaT(dy) * 1000;
  const local = [ae, sx, am].map((ms) => fmt(ms, offMin));
  const mins = local.map((s) => { const h = Number(s.slice(11, 13)), mi = Number(s.slice(14, 16)) + Number(s.slice(17, 19)) / 60; const x = h * 60 + mi; return Math.min(x, 1440 - x); });
  if (Math.min(...mins) <= LIMIT || local.some((s) => s.slice(0, 10) !== start))
    out.push([ly, m, leap, start, offMin === 480 ? '+08:00' : '+07:45:40', ...local, Math.min(...mins).toFixed(1)].join(','));
}
fs.writeFileSync(path.join(__dirname, 'out', 'near_midnight.csv'), out.join('\n') + '\n');
console.log(out.join('\n'));
