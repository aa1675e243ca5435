// Tests for output/report_html and output/svg_chart: a report built from a real temporary store and one
// built by hand render to a self-contained, escaped HTML document with its three charts.
#include "output/report_html.hpp"
#include "output/report_html_parts.hpp"
#include "output/svg_chart.hpp"
#include "support.hpp"

#include <fstream>
#include <iterator>
#include <string_view>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_output_report_html {

using namespace keqing;
using test::day;

namespace {

size_t count(std::string_view text, std::string_view what) {
    size_t n = 0;
    for (size_t pos = text.find(what); pos != std::string_view::npos;
         pos = text.find(what, pos + what.size()))
        ++n;
    return n;
}

// Tags that must open and close in pairs in any rendering.
void check_well_formed(const std::string& html) {
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.ends_with("</html>\n"));
    CHECK(count(html, "<meta charset=\"utf-8\">") == 1);
    for (const char* tag : {"svg", "section", "table", "thead", "tbody", "tr", "title", "style", "main"}) {
        INFO(tag);
        CHECK(count(html, fmt::format("<{}>", tag)) + count(html, fmt::format("<{} ", tag)) ==
              count(html, fmt::format("</{}>", tag)));
    }
    CHECK(count(html, "http://") == 0);
    CHECK(count(html, "https://") == 0);
    CHECK(count(html, "<script") == 0);
    CHECK(count(html, " src=") == 0);
    CHECK(count(html, "url(") == 0);
}

struct Fixture : test::StoreFixture {
    rules::Rules rules = *rules::load_rules("");

    int64_t customer(const char* code, const char* name, const char* tier, const char* rep) {
        store::Customer c;
        c.code = code;
        c.name = name;
        c.tier = tier;
        c.rep = rep;
        auto id = store->add_customer(c);
        REQUIRE(id.ok());
        return *id;
    }

    void contacts(int64_t customer_id, const char* channel, const char* rep,
                  std::initializer_list<const char*> days) {
        for (const char* d : days) {
            store::Contact c;
            c.customer_id = customer_id;
            c.channel = channel;
            c.date = day(d);
            c.rep = rep;
            c.logged_at = std::string(d) + "T18:00";
            REQUIRE(store->add_contact(c).ok());
        }
    }

    std::string render(report::By by) {
        auto r = report::build_report(
            *store, rules, {core::Month{2026, 11}, core::Month{2026, 11}, day("2026-11-20"), by, ""});
        REQUIRE(r.ok());
        return output::render_report_html(*r, rules);
    }
};

} // namespace

TEST_SUITE("output::report_html") {
    TEST_CASE_FIXTURE(Fixture, "a month from the store: names, scores, escaping and two charts") {
        REQUIRE(store->add_rep({"evil", "<i>'x'", "east"}).ok());
        const auto b1 = customer("B1", "康泰大药房", "B", "wang");
        contacts(b1, "visit", "wang", {"2026-11-02", "2026-11-05", "2026-11-09", "2026-11-12"}); // 4 of 4
        contacts(b1, "call", "wang", {"2026-11-03"});                                            // 1 of 2
        contacts(b1, "message", "wang", {"2026-11-04", "2026-11-06", "2026-11-07"}); // 2 of 2 (capped)
        const auto x1 = customer("X1", "<b>&\"", "C", "li");
        contacts(x1, "visit", "li", {"2026-11-10"}); // 1 of 3 over visit, call, message
        customer("E1", "药房E1", "C", "evil");       // nothing done: 0 of 3

        const std::string html = render(report::By::customer);
        check_well_formed(html);
        CHECK(count(html, "<svg") == 2); // one month has no trend
        CHECK(count(html, "<title id=\"chart-") == 2);
        CHECK(html.find("王强 (wang)") != std::string::npos);
        // Channel headers are the rules' short labels, with id and label on hover.
        CHECK(html.find("<th scope=\"col\" class=\"num\" title=\"message 短信/QQ/微信/email\">消息</th>") !=
              std::string::npos);
        CHECK(html.find("李娜 (li)") != std::string::npos);
        CHECK(html.find("&lt;i&gt;&#39;x&#39; (evil)") != std::string::npos);
        CHECK(html.find("<i>'x'") == std::string::npos);
        CHECK(html.find("&lt;b&gt;&amp;&quot; (X1)") != std::string::npos);
        CHECK(html.find("<b>&\"") == std::string::npos);
        CHECK(html.find("<span class=\"big\">57%</span>overall score (8 of 14 required contacts)") !=
              std::string::npos);
        CHECK(html.find("score 88%") != std::string::npos);   // wang's bar: 7 of 8 (87.5 %)
        CHECK(html.find("score 33%") != std::string::npos);   // li's bar: 1 of 3
        CHECK(html.find("score 0%") != std::string::npos);    // evil's bar
        CHECK(html.find("100% (4/4)") != std::string::npos);  // tier B visits in the tier × channel table
        CHECK(html.find(">4/4</text>") != std::string::npos); // … and in the heatmap cell
        CHECK(html.find("<h2>By customer</h2>") != std::string::npos);
        CHECK(html.find("2026-11 · as of 2026-11-20 · by customer") != std::string::npos);
        CHECK(html.find("id=\"trend\"") == std::string::npos);
        CHECK(html.find("href=\"#trend\"") == std::string::npos);
        CHECK(count(html, "class=\"column") == 0);
    }

    TEST_CASE_FIXTURE(Fixture, "by rep the ranking is the breakdown") {
        const auto b1 = customer("B1", "药房B1", "B", "wang");
        contacts(b1, "visit", "wang", {"2026-11-02"});
        const std::string html = render(report::By::rep);
        check_well_formed(html);
        CHECK(html.find("id=\"breakdown\"") == std::string::npos);
        CHECK(html.find("<caption>Ranking, best score first</caption>") != std::string::npos);
    }

    TEST_CASE("a national breakdown shows the first and last 500 rows and says how many it leaves out") {
        const rules::Rules rules = *rules::load_rules("");
        report::Report r;
        r.options = {core::Month{2026, 10}, core::Month{2026, 10}, day("2026-10-31"), report::By::customer,
                     ""};
        r.channels = {"visit", "call", "message"};
        r.tiers = {"A", "B", "C"};
        r.tier_status.assign(3, {});
        r.tier_channel.assign(3, std::vector<report::Attainment>(3));
        for (int i = 1; i <= 1200; ++i) {
            report::Row row;
            row.key = fmt::format("K{:04}", i);
            row.rank = i;
            row.channels.resize(3);
            r.rows.push_back(row);
        }
        const std::string html = output::render_report_html(r, rules);
        check_well_formed(html);
        CHECK(html.find(">K0500<") != std::string::npos);
        CHECK(html.find(">K0501<") == std::string::npos);
        CHECK(html.find(">K0700<") == std::string::npos);
        CHECK(html.find(">K0701<") != std::string::npos);
        CHECK(html.find(">K1200<") != std::string::npos);
        CHECK(html.find("200 more rows, ranked 501 to 700: every row is in --format csv or json") !=
              std::string::npos);
    }

    TEST_CASE("a hand-built range: trend line, missed occasions and data-quality lists") {
        const rules::Rules rules = *rules::load_rules("");
        report::Report r;
        r.options = {core::Month{2026, 9}, core::Month{2026, 11}, day("2026-11-20"), report::By::tier,
                     "east"};
        r.channels = {"visit", "call", "message"};
        r.tiers = {"A", "B", "C"};
        r.tier_status.assign(3, {});
        r.tier_channel.assign(3, std::vector<report::Attainment>(3));
        r.tier_channel[0][0] = {8, 6};
        const std::pair<int, double> trend[] = {{9, 0.5}, {10, 0.75}, {11, 0.1}};
        for (const auto& [m, score] : trend) {
            report::MonthPart part{core::Month{2026, m},
                                   core::Month{2026, m}.last(),
                                   {},
                                   std::vector<report::Attainment>(3),
                                   {}};
            part.summary.score = score;
            if (m == 11) part.as_of = day("2026-11-20"); // not over: drawn as partial
            compliance::RepGoals g{"wang",
                                   "east",
                                   {{"R9", "ask customers for help", "ask customers for help", 5, 2, 3,
                                     compliance::Status::behind, "", false, ""}},
                                   {},
                                   {}};
            g.checklist.visits = 4;
            part.goals = report::GoalList({g});
            r.months.push_back(part);
        }
        occasions::Obligation o;
        o.name = "中秋节";
        o.rule = "R4";
        o.customer_code = "A1";
        o.customer_name = "大参林";
        o.rep = "wang";
        o.date = day("2026-09-25");
        o.from = day("2026-09-18");
        o.to = o.date;
        o.actions = {{0, true}, {2, false}};
        o.satisfied_by = {0, 7};
        o.state = occasions::State::missed;
        r.missed.add(o);
        r.occasions.push_back({"mid_autumn", "中秋节", "R4", {0, 0, 3, 0, 1}, 4});
        store::Contact voided;
        voided.customer_code = "A1";
        voided.channel = "visit";
        voided.date = day("2026-10-02");
        voided.rep = "wang";
        voided.voided_at = "2026-10-03T09:00";
        voided.void_reason = "<script>alert(1)</script>";
        r.quality.voided = {voided};
        r.quality.voided_count = 3;
        store::Contact late = voided;
        late.logged_at = "2026-10-09T10:00";
        r.quality.late.assign(25, late);
        r.quality.late_count = 40;
        r.quality.busy_days = {{"wang", day("2026-10-05"), 15}};

        const std::string html = output::render_report_html(r, rules);
        check_well_formed(html);
        CHECK(count(html, "<svg") == 3);
        CHECK(html.find("2026-09 – 2026-11 · as of 2026-11-20 · by tier · team east") != std::string::npos);
        CHECK(count(html, "class=\"column\"") == 2);
        CHECK(count(html, "class=\"column partial\"") == 1); // November so far, not a failure
        CHECK(html.find(">20 of 30 days</text>") != std::string::npos);
        CHECK(count(html, "<polyline") == 1);
        for (const char* p : {">50%</text>", ">75%</text>", ">10%</text>"})
            CHECK(html.find(p) != std::string::npos);
        CHECK(html.find("<h3>2026-10</h3>") != std::string::npos); // goals per month
        CHECK(html.find("2/5") != std::string::npos);
        CHECK(html.find("75% (6/8)") != std::string::npos); // tier A visits
        CHECK(html.find("visit+gift") !=
              std::string::npos); // the missed action still to do; the message was made
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("Showing the first 1 of 3.") != std::string::npos);
        // On paper a data-quality list stops at 20 rows and says where the rest are.
        CHECK(count(html, "<tr class=\"screen-only\">") == 5);
        CHECK(html.find("Showing the first 25 of 40.") != std::string::npos);
        CHECK(html.find("Printed: the first 20 of 40;") != std::string::npos);
        CHECK(html.find("<td class=\"num\">7</td>") != std::string::npos);  // logged 7 days late
        CHECK(html.find("<td class=\"num\">15</td>") != std::string::npos); // the busy day
    }
}

TEST_SUITE("output::report_html_parts") {
    TEST_CASE("a table written row by row: each row goes out as it is given, the bytes those of render") {
        using output::html::Cell;
        const output::html::Table table{"Missed <and> overdue",
                                        {"Date", "Visits"},
                                        {{"2026-09-25", Cell("3", "num")}, {"2026-09-26", "4"}}};
        core::Sink sink;
        output::html::TableWriter writer(sink, table.caption, table.head, 1);
        CHECK(sink.text().empty()); // the head waits for the first row: a numeric one right-aligns it
        writer.row(table.rows[0]);
        CHECK(sink.text().ends_with("<tr><th scope=\"row\">2026-09-25</th><td class=\"num\">3</td></tr>\n"));
        CHECK(sink.text().find("<th scope=\"col\" class=\"num\">Visits</th>") != std::string::npos);
        writer.row(table.rows[1]);
        CHECK(sink.text().ends_with(
            "<tr class=\"screen-only\"><th scope=\"row\">2026-09-26</th><td>4</td></tr>\n"));
        writer.finish();
        CHECK(sink.take() == output::html::render(table, 1));
        core::Sink empty;
        output::html::TableWriter none(empty, "", {"Date"});
        none.finish();
        CHECK(empty.take() ==
              "<div class=\"table-wrap\">\n<table>\n<thead><tr><th scope=\"col\">Date</th></tr></thead>\n"
              "<tbody>\n</tbody>\n</table>\n</div>\n");
    }

    TEST_CASE("the page written to an output as it is laid out has the bytes of the whole page") {
        const rules::Rules rules = *rules::load_rules("");
        report::Report r;
        r.options = {core::Month{2026, 9}, core::Month{2026, 9}, day("2026-09-30"), report::By::rep, ""};
        r.reps.push_back({"wang", "王强", "east", 1, {}, {}, {}, 1});
        occasions::Obligation o;
        o.name = "生日";
        o.rule = "R6";
        o.customer_name = "大参林";
        o.rep = "wang";
        o.from = day("2026-09-18");
        o.to = o.date = day("2026-09-25");
        o.actions = {{0, true}};
        o.satisfied_by = {0};
        o.state = occasions::State::missed;
        for (int i = 0; i < 8000; ++i) { // about 3 MB of rows
            o.customer_code = fmt::format("C{:07}", i);
            r.missed.add(o);
        }
        r.missed.sort();
        r.occasions.push_back({"birthday", "生日", "R6", {0, 0, 0, 0, 8000}, 8000});
        const std::string whole = output::render_report_html(r, rules);
        CHECK(count(whole, "大参林") == 8000); // a row per obligation
        test::TempDir dir;
        const std::string path = (dir.path() / "report.html").string();
        std::FILE* file = std::fopen(path.c_str(), "wb");
        REQUIRE(file);
        std::string rest;
        {
            core::Output out(file, "report.html");
            rest = output::render_report_html(r, rules, &out);
            CHECK(rest.size() < whole.size() / 2); // the rest was written out on the way
            out.write(rest);
            REQUIRE(out.finish());
        }
        std::fclose(file);
        std::ifstream in(path, std::ios::binary);
        const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(written == whole);
    }

    TEST_CASE("a name cell is cut by display width with the whole text on hover") {
        const std::string long_name = "国药控股国大药房连锁有限公司第一百零八分店"; // 42 columns
        const output::html::Cell cut = output::html::name(long_name);
        CHECK(cut.text == "国药控股国大药房连锁有…");
        CHECK(cut.title == long_name);
        CHECK(cut.cls == "name");
        const output::html::Cell whole = output::html::name("王强 (wang)", "team");
        CHECK(whole.text == "王强 (wang)");
        CHECK(whole.title.empty());
        CHECK(output::html::render({"", {"Rep"}, {{"x", cut}}})
                  .find("<td class=\"name\" title=\"" + long_name + "\">国药控股国大药房连锁有…</td>") !=
              std::string::npos);
    }
}

TEST_SUITE("output::svg_chart") {
    TEST_CASE("escaping and the color scale") {
        CHECK(output::html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
        CHECK(output::html_escape("王强") == "王强");
        CHECK(output::rate_color(0.0) == "#d73027");
        CHECK(output::rate_color(1.0) == "#1a9850");
        CHECK(output::rate_color(-1.0) == output::rate_color(0.0));
        CHECK(output::rate_color(0.5) == "#fc8d59");
    }

    TEST_CASE("bars scale with the rate and a missing value is a dash") {
        const std::string svg =
            output::svg_bar_chart({"c", "T", "D"}, {"score", "visit"}, {{"rep", {0.5, std::nullopt}}});
        CHECK(svg.find("<title id=\"c-title\">T</title>") != std::string::npos);
        CHECK(svg.find("aria-labelledby=\"c-title c-desc\"") != std::string::npos);
        CHECK(svg.find("width=\"250.0\"") != std::string::npos); // half of the 500-pixel plot
        CHECK(svg.find(">score 50%</text>") != std::string::npos);
        CHECK(svg.find(">—</text>") != std::string::npos);
    }

    TEST_CASE("a long label is cut on a character boundary and kept whole in a tooltip") {
        const std::string name = "国药控股国大药房连锁有限公司第一百零八分店"; // 21 characters, 42 columns
        const std::string svg = output::svg_bar_chart({"c", "T", "D"}, {"score"}, {{name, {1.0}}});
        CHECK(svg.find(">国药控股国大药房连锁…<title>" + name + "</title></text>") != std::string::npos);
        const std::string short_svg =
            output::svg_bar_chart({"c", "T", "D"}, {"score"}, {{"王强 (wang)", {1.0}}});
        CHECK(short_svg.find(">王强 (wang)</text>") != std::string::npos);
    }

    TEST_CASE("heatmap cells carry their color, rate and note") {
        const std::string svg = output::svg_heatmap({"h", "T", "D"}, {"A"}, {"visit", "call"},
                                                    {{0.25, std::nullopt}}, {{"1/4", ""}});
        CHECK(svg.find("fill=\"" + output::rate_color(0.25) + "\"") != std::string::npos);
        CHECK(svg.find(">25%</text>") != std::string::npos);
        CHECK(svg.find(">1/4</text>") != std::string::npos);
        CHECK(svg.find("fill=\"#eeeeee\"") != std::string::npos);
    }
}

} // namespace unit_output_report_html
