// Generates the committed test reference data from lunar-javascript (6tail, 寿星天文历 algorithm by 许剑伟).
// Output: ../tests/data/lunar_months.csv and ../tests/data/festivals.csv. Run: node gen_reference.js
'use strict';
const fs = require('fs');
const path = require('path');
const { LunarYear, Lunar, Solar } = require('lunar-javascript');

const FIRST = 1900, LAST = 2099;  // lunar years: 1900 covers solar 1901-01-01..02-18
const out = ['lunar_year,month,leap,solar_start,days'];
for (let y = FIRST; y <= LAST; y++) {
  for (const m of LunarYear.fromYear(y).getMonths()) {
    if (m.getYear() !== y) continue;  // getMonths() also lists months 11/12 of the previous year
    const start = Solar.fromJulianDay(m.getFirstJulianDay()).toYmd();
    out.push([y, Math.abs(m.getMonth()), m.getMonth() < 0 ? 1 : 0, start, m.getDayCount()].join(','));
  }
}
const dataDir = path.join(__dirname, '..', '..', 'tests', 'data');
fs.writeFileSync(path.join(dataDir, 'lunar_months.csv'), out.join('\n') + '\n');

const fest = ['year,spring_festival,dragon_boat,mid_autumn'];
for (let y = 1901; y <= 2099; y++) {
  const s = (m, d) => Lunar.fromYmd(y, m, d).getSolar().toYmd();
  fest.push([y, s(1, 1), s(5, 5), s(8, 15)].join(','));
}
fs.writeFileSync(path.join(dataDir, 'festivals.csv'), fest.join('\n') + '\n');
console.log(`lunar_months.csv: ${out.length - 1} months; festivals.csv: ${fest.length - 1} years`);
