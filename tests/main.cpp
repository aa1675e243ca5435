// The doctest runner with keqing's test support (temporary folders, fixtures).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "support.hpp"

#include <cstdlib>
#include <fstream>
#include <random>

namespace keqing::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("keqing-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

StoreFixture::StoreFixture() {
    auto opened = store::open_sqlite((dir.path() / "test.db").string());
    REQUIRE(opened.ok());
    store = std::move(*opened);
    REQUIRE(store->add_rep({"wang", "王强", "east"}).ok());
    REQUIRE(store->add_rep({"li", "李娜", "west"}).ok());
}

core::Date day(const char* iso) {
    auto d = core::parse_date(iso, "test");
    REQUIRE(d.ok());
    return *d;
}

int64_t add_customer(store::Store& store, const char* code, const char* tier, const char* rep,
                     std::optional<core::Date> opened, std::optional<core::Date> closed, const char* name) {
    store::Customer c;
    c.code = code;
    c.name = name ? name : std::string("药房") + code;
    c.tier = tier;
    c.rep = rep;
    c.opened_on = opened;
    c.closed_on = closed;
    auto id = store.add_customer(c);
    REQUIRE(id.ok());
    return *id;
}

std::string add_event(store::Store& store, int64_t customer_id, const char* kind, const char* date) {
    store::LifeEvent e;
    e.customer_id = customer_id;
    e.kind = kind;
    e.date = day(date);
    auto id = store.add_event(e);
    REQUIRE(id.ok());
    return "event:" + std::to_string(*id);
}

} // namespace keqing::test
