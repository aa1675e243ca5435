// Cross-checks every lunar month 1900..2099 across all sources and prints each month on which any two
// disagree (start date or length), plus the near-midnight major solar terms that could move a leap month.
// Sources: tests/data/lunar_months.csv (lunar-javascript, the test reference), out/table_months.csv (the C++
// table, from gen_table.js), astronomy-engine at UTC+8 throughout and with Beijing LMT before 1929,
// the solarlunar hex table, and out/icu_months.csv (ICU 72, from icu_months.cpp) when present.
// Run: node compare.js > out/compare.txt
'use strict';
const fs = require('fs');
const path = require('path');
const { compute, historicalOffset, utc8Offset, ymd, DAY } = require('./astro_calendar');
const sl = (() => { const m = require('solarlunar'); return m.default || m; })();

const key = (y, m, leap) => `${y}-${m}${leap ? 'L' : ''}`;
const fromCsv = (file) => {
  const map = new Map();
  if (!fs.existsSync(file)) return null;
  for (const l of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const c = l.split(',');
    map.set(key(c[0], c[1], c[2] === '1'), `${c[3]}/${c[4]}`);
  }
  return map;
};
const fromAstro = (months) => new Map(months.map((m) => [key(m.year, m.month, m.leap), `${ymd(m.start)}/${m.days}`]));
const fromHex = () => {
  const map = new Map();
  let d = Date.UTC(1900, 0, 31) / DAY;  // the table's anchor: lunar 1900-01-01
  for (let y = 1900; y <= 2099; y++) {
    const lm = sl.leapMonth(y);
    for (let m = 1; m <= 12; m++) {
      let n = sl.monthDays(y, m); map.set(key(y, m, false), `${ymd(d)}/${n}`); d += n;
      if (m === lm) { n = sl.leapDays(y); map.set(key(y, m, true), `${ymd(d)}/${n}`); d += n; }
    }
  }
  return map;
};

const utc8 = compute(utc8Offset);
const sources = {
  reference: fromCsv(path.join(__dirname, '..', '..', 'tests', 'data', 'lunar_months.csv')),
  table: fromCsv(path.join(__dirname, 'out', 'table_months.csv')),
  astro_utc8: fromAstro(utc8.months),
  astro_hist: fromAstro(compute(historicalOffset).months),
  hextable: fromHex(),
  icu72: fromCsv(path.join(__dirname, 'out', 'icu_months.csv')),
};
const names = Object.keys(sources).filter((n) => sources[n]);
const keys = new Set();
for (const n of names) for (const k of sources[n].keys()) if (Number(k.split('-')[0]) >= 1900 && Number(k.split('-')[0]) <= 2099) keys.add(k);
const rows = [];
const counts = Object.fromEntries(names.map((n) => [n, 0]));
for (const k of keys) {
  const vals = names.map((n) => sources[n].get(k) || '-');
  if (new Set(vals).size > 1) {
    rows.push(`${k.padEnd(8)} ${vals.map((v) => v.padEnd(13)).join(' ')}`);
    names.forEach((n, i) => { if (vals[i] !== vals[0]) counts[n]++; });
  }
}
rows.sort();
console.log(`months compared: ${keys.size}; sources: ${names.join(', ')}`);
console.log(`months differing from reference: ${JSON.stringify(counts)}`);
console.log(`${'month'.padEnd(8)} ${names.map((n) => n.padEnd(13)).join(' ')}   (start/days)`);
console.log(rows.join('\n'));

// Major terms within 15 minutes of local midnight that fall just after midnight on a month's first day, or
// just before midnight on the day before it: moving such a term across midnight moves it to the other
// month, and so possibly moves the leap month. Local time = Beijing LMT before 1929, UTC+8 from 1929.
const hist = compute(historicalOffset);
const starts = new Set(hist.months.map((m) => m.start));
console.log('\nmajor solar terms within 15 min of local midnight at a month boundary (astronomy-engine):');
for (const q of hist.zq) {
  const mins = Number(q.when.slice(11, 13)) * 60 + Number(q.when.slice(14, 16));
  const y = Number(q.when.slice(0, 4));
  if (y < 1901 || y > 2099) continue;
  if ((starts.has(q.day) && mins < 15) || (starts.has(q.day + 1) && mins >= 1425))
    console.log(`  ${q.when} local, solar longitude ${q.lon}°, ${starts.has(q.day) ? 'on the first day of a month' : 'the day before a month starts'}`);
}
