// Dumps every Chinese-calendar month start 1900-01-01..2100-02-28 as computed by ICU's icu::ChineseCalendar
// (lunar_year,month,leap,solar_start,days) for cross-checking. Build: g++ -O1 icu_months.cpp -licui18n -licuuc
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <cstdio>
#include <memory>

int main() {
  UErrorCode st = U_ZERO_ERROR;
  auto zone = std::unique_ptr<icu::TimeZone>(icu::TimeZone::createTimeZone("UTC"));
  std::unique_ptr<icu::Calendar> cc(icu::Calendar::createInstance(zone->clone(), icu::Locale("zh_CN@calendar=chinese"), st));
  icu::GregorianCalendar g(zone->clone(), st);
  if (U_FAILURE(st)) { std::fprintf(stderr, "icu error %s\n", u_errorName(st)); return 1; }
  g.clear();
  g.set(1900, UCAL_JANUARY, 1, 12, 0, 0);
  std::printf("lunar_year,month,leap,solar_start,days\n");
  int py = 0, pm = 0, pl = 0, pd = 0, count = 0; char start[16] = "";
  for (;;) {
    UDate t = g.getTime(st);
    int gy = g.get(UCAL_YEAR, st), gm = g.get(UCAL_MONTH, st) + 1, gd = g.get(UCAL_DATE, st);
    if (gy == 2100 && gm == 3) break;
    cc->setTime(t, st);
    int ly = cc->get(UCAL_EXTENDED_YEAR, st) - 2637, lm = cc->get(UCAL_MONTH, st) + 1;
    int leap = cc->get(UCAL_IS_LEAP_MONTH, st), ld = cc->get(UCAL_DATE, st);
    if (ld == 1) {
      if (start[0] && pd) std::printf("%d,%d,%d,%s,%d\n", py, pm, pl, start, count);
      std::snprintf(start, sizeof start, "%04d-%02d-%02d", gy, gm, gd);
      py = ly; pm = lm; pl = leap; pd = 1; count = 0;
    }
    ++count;
    g.add(UCAL_DATE, 1, st);
  }
  return U_FAILURE(st) ? 1 : 0;
}
