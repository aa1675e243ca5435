// Test-only driver until `report --format html` exists: prints the HTML report of a database.
// Usage: report_html_demo DB FROM-MONTH TO-MONTH AS-OF [rep|customer|tier|team]
#include "output/report_html.hpp"
#include "store/store.hpp"

#include <fmt/core.h>

#include <string>

namespace {

keqing::Result<std::string> render(int argc, char** argv) {
    using namespace keqing;
    if (argc < 5 || argc > 6)
        return usage_error("usage: report_html_demo DB FROM TO AS-OF [rep|customer|tier|team]");
    report::Options options;
    KQ_TRY(options.from, core::parse_month(argv[2], "FROM"));
    KQ_TRY(options.to, core::parse_month(argv[3], "TO"));
    KQ_TRY(options.as_of, core::parse_date(argv[4], "AS-OF"));
    const std::string by = argc == 6 ? argv[5] : "rep";
    bool known = false;
    for (const auto b : {report::By::rep, report::By::customer, report::By::tier, report::By::team})
        if (report::to_string(b) == by) options.by = b, known = true;
    if (!known) return usage_error("unknown breakdown '{}'; expected rep, customer, tier or team", by);
    KQ_TRY(std::unique_ptr<store::Store> store, store::open_sqlite(argv[1]));
    KQ_TRY(rules::Rules rules, rules::load_rules(""));
    KQ_TRY(report::Report report, report::build_report(*store, rules, options));
    return output::render_report_html(report, rules);
}

} // namespace

int main(int argc, char** argv) {
    auto html = render(argc, argv);
    if (!html) {
        fmt::print(stderr, "report_html_demo: error: {}\n", html.error().message);
        return static_cast<int>(html.error().code);
    }
    fmt::print("{}", *html);
    return 0;
}
