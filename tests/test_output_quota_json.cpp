// Tests for check-quota's JSON: each customer's record, written at once (output/quota_view.cpp), must be
// byte for byte what the JSON writer's calls make of it, on random customers.
#include "core/json.hpp"
#include "output/quota_view.hpp"
#include "rules/rules.hpp"

#include <doctest/doctest.h>

#include <random>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_output_quota_json {

using namespace keqing;

TEST_SUITE("output::quota_json") {
    TEST_CASE("customer records written at once equal the JSON writer's") {
        const rules::Rules rules = *rules::load_rules("");
        std::mt19937 random(42);
        const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
        const std::vector<std::string> names = {"药房1",     "Shop \"A\"", "back\\slash",
                                                "tab\there", "新\n行",     ""};
        compliance::Check check;
        check.month.month = *core::parse_month("2026-10", "month");
        check.month.as_of = *core::parse_date("2026-10-20", "as_of");
        check.month.channels = rules.quota_channels();
        for (int i = 0; i < 200; ++i) {
            compliance::CustomerResult c;
            c.id = i + 1;
            c.code = "C" + std::to_string(1000 + i);
            c.name = names[static_cast<size_t>(pick(6))];
            c.tier = pick(2) ? "A" : "C";
            c.rep = "r" + std::to_string(pick(50));
            c.status = static_cast<compliance::Status>(pick(4));
            c.score = pick(3) ? static_cast<double>(pick(7)) / 3.0 : 1.0;
            c.active_days = pick(32);
            for (const int ch : check.month.channels)
                c.channels.push_back(
                    {ch, pick(5), pick(5), pick(5), static_cast<compliance::Status>(pick(4))});
            check.month.customers.push_back(c);
        }
        const std::string text = output::render_check(check, rules, output::Format::json, false);
        // The same records through the writer, one call per key and value.
        core::JsonWriter j;
        j.begin_object().key("customers").begin_array();
        for (const auto& c : check.month.customers) {
            j.begin_object();
            j.key("code").value(c.code).key("name").value(c.name).key("tier").value(c.tier).key("rep").value(
                c.rep);
            j.key("status").value(compliance::to_string(c.status)).key("score").value(c.score);
            j.key("active_days").value(c.active_days);
            j.key("channels").begin_object();
            for (const auto& ch : c.channels) {
                j.key(rules.channels[static_cast<size_t>(ch.channel)].id).begin_object();
                j.key("required")
                    .value(ch.required)
                    .key("done")
                    .value(ch.done)
                    .key("expected")
                    .value(ch.expected);
                j.key("status").value(compliance::to_string(ch.status)).end_object();
            }
            j.end_object().end_object();
        }
        j.end_array().end_object();
        const std::string expected = j.str();
        // Compare the records: the lines between "customers": [ and its closing bracket.
        const auto records = [](const std::string& doc) {
            const size_t from = doc.find("\"customers\": [");
            const size_t to = doc.find("\n  ]", from);
            return doc.substr(from, to - from);
        };
        REQUIRE(text.find("\"customers\": [") != std::string::npos);
        CHECK(records(text) == records(expected));
    }
}

} // namespace unit_output_quota_json
