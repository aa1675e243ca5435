// Tests of the output in Chinese: statuses for people against their JSON spelling, a message said in both
// languages (compliance::Said), English for machines inside output::InEnglish, and a table with Chinese
// headers aligned by display width. Each case sets Chinese and goes back to English.
#include "compliance/quota.hpp"
#include "compliance/said.hpp"
#include "core/i18n.hpp"
#include "output/english.hpp"
#include "output/table.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace keqing;

namespace {

// Chinese for the scope of a test case, English again after it.
struct InChinese {
    InChinese() { REQUIRE(core::set_language("zh")); }
    ~InChinese() { core::set_language("en"); }
};

} // namespace

TEST_CASE("statuses read 达标 进度正常 落后 未达标 in Chinese and keep their JSON spelling") {
    {
        const InChinese zh;
        CHECK(std::string(compliance::display(compliance::Status::met)) == "达标");
        CHECK(std::string(compliance::display(compliance::Status::on_track)) == "进度正常");
        CHECK(std::string(compliance::display(compliance::Status::behind)) == "落后");
        CHECK(std::string(compliance::display(compliance::Status::missed)) == "未达标");
        CHECK(compliance::to_string(compliance::Status::on_track) == "on_track");
    }
    CHECK(std::string(compliance::display(compliance::Status::on_track)) == "on_track");
}

TEST_CASE("a message said in both languages keeps English for JSON whatever the reader reads") {
    const InChinese zh;
    const compliance::Said days = compliance::say(N_("{} days left"), 3);
    CHECK(days.english == "3 days left");
    CHECK(days.shown == "还剩 3 天");
    const compliance::Said line = compliance::say(N_("{}: {}"), compliance::Said{"R10", "R10"}, days);
    CHECK(line.english == "R10: 3 days left");
    CHECK(line.shown == "R10：还剩 3 天");
}

TEST_CASE("InEnglish gives English inside and the reader's language again after") {
    const InChinese zh;
    {
        const output::InEnglish english;
        CHECK(std::string(core::tr("behind")) == "behind");
    }
    CHECK(std::string(core::tr("behind")) == "落后");
}

TEST_CASE("a table with Chinese headers lines up by display width") {
    const InChinese zh;
    output::Table t;
    t.column(core::tr("CODE")).column(core::tr("STATUS")).column(core::tr("SCORE"), output::Align::right);
    t.row({"HZ001", compliance::display(compliance::Status::on_track), "79%"});
    CHECK(t.render() == "编号   状态      得分\nHZ001  进度正常   79%\n");
}
