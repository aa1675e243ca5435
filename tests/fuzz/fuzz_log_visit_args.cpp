// libFuzzer target: log-visit's argument handling — the input, split at newlines and NULs into argv, goes
// through the real CLI11 option set-up (apps/log-visit/main.cpp) and, when it parses, through the real
// command against a scratch database. --db, --rules and --import are pinned to scratch files and every
// contact is a dry run, so that fuzzing touches nothing else and stays repeatable.
#define KEQING_LOG_VISIT_NO_MAIN
#include "log-visit/main.cpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace {

std::string g_db, g_csv;

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_log_visit_args set-up failed: %s\n", what);
    std::abort();
}

keqing::store::Customer customer(const char* code, const char* name, const char* tier, const char* rep) {
    keqing::store::Customer c;
    c.code = code;
    c.name = name;
    c.tier = tier;
    c.rep = rep;
    c.opened_on = keqing::core::Date::from_ymd(2025, 1, 1);
    return c;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char tmpl[] = "/tmp/keqing-fuzz-args.XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    g_db = dir + "/k.db";
    g_csv = dir + "/contacts.csv";
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1); // no config file there
    setenv("KEQING_NOW", "2026-11-20T17:00", 1);
    setenv("USER", "wang", 1);
    setenv("TZ", "UTC", 1);
    for (const char* name : {"KEQING_DB", "KEQING_RULES", "KEQING_REP"})
        unsetenv(name);
    {
        auto store = keqing::store::open_sqlite(g_db);
        require(store.ok(), "open the scratch database");
        require((*store)->add_rep({"wang", "王强", "华东一组"}).ok() &&
                    (*store)->add_rep({"li", "李娜", "华东一组"}).ok(),
                "add reps");
        require((*store)->add_customer(customer("HZ001", "康泰大药房", "A", "wang")).ok() &&
                    (*store)->add_customer(customer("HZ017", "康泰医药连锁(北门店)", "B", "li")).ok() &&
                    (*store)->add_customer(customer("HZ007", "海王星辰(文三路店)", "C", "wang")).ok(),
                "add customers");
    }
    std::ofstream(g_csv)
        << "customer,channel,date,time,note\nHZ001,visit,2026-11-18,09:00,补货\n康泰医药,call,2026-11-19,,\n";
    require(std::freopen("/dev/null", "w", stdout) != nullptr, "silence stdout");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 2048) return 0;
    std::vector<std::string> args{"log-visit"};
    std::string current;
    for (size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\n' || c == '\0') {
            args.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    args.push_back(std::move(current));
    if (args.size() > 40) return 0;
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    CLI::App app{"log-visit", "log-visit"};
    Options o;
    wire_options(app, o);
    if (!keqing::cli::check_arguments(app, static_cast<int>(args.size()), argv.data())) return 0;
    try {
        app.parse(static_cast<int>(args.size()), argv.data());
    } catch (const CLI::ParseError&) {
        return 0; // usage errors, --help and --version: cli::run prints them and exits 0 or 2
    }
    o.common.db = g_db;
    o.common.rules.clear();
    if (!o.import_file.empty()) o.import_file = g_csv;
    o.dry_run = true;
    auto result = run(o, app.get_option("--rep")->count() > 0);
    if (!result && result.error().message.empty()) std::abort(); // every error says something
    return 0;
}
