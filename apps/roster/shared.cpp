// What roster's subcommand groups share: the format option, dates that may be absent, the line a
// customer change prints, and the import subcommands.
#include "commands.hpp"

#include "core/csv.hpp"
#include "core/text.hpp"
#include "output/table.hpp"
#include "roster/customers.hpp"

#include <map>
#include <memory>

namespace roster_app {

void add_format_option(CLI::App* cmd, keqing::output::Format& format) {
    static const std::map<std::string, keqing::output::Format> kFormats = {
        {"table", keqing::output::Format::table},
        {"csv", keqing::output::Format::csv},
        {"json", keqing::output::Format::json}};
    cmd->add_option_function<std::string>(
           "--format", [&format](const std::string& text) { format = kFormats.at(text); },
           N_("table, csv or json"))
        ->check(CLI::IsMember({"table", "csv", "json"})); // checked before the function runs
    keqing::cli::complete_values(cmd->get_option("--format"), {"table", "csv", "json"});
}

Result<std::optional<keqing::core::Date>> maybe_date(const std::string& text, std::string_view what) {
    if (text.empty()) return std::optional<keqing::core::Date>();
    KQ_TRY(keqing::core::Date d, keqing::cli::date_or_today(text, what));
    return std::optional<keqing::core::Date>(d);
}

void print_customer_line(std::string_view verb, const keqing::store::Customer& c) {
    keqing::cli::print("{}\n", keqing::core::trf("{} {} {} (tier {}, rep {})", verb, c.code,
                                                 keqing::core::fit(c.name, keqing::output::kNameColumns),
                                                 c.tier, c.rep));
}

void add_dry_run(CLI::App* cmd, Shared& shared) {
    cmd->add_flag("--dry-run", shared.dry_run, "show what would change, change nothing");
}

// The verbs the commands pass to verb(), for xgettext (verb() looks them up).
[[maybe_unused]] constexpr const char* kVerbs[] = {
    N_("added"),        N_("would add"),   N_("removed"),       N_("would remove"), N_("updated"),
    N_("would update"), N_("re-tiered"),   N_("would re-tier"), N_("assigned"),     N_("would assign"),
    N_("closed"),       N_("would close"), N_("reopened"),      N_("would reopen")};

std::string verb(const Shared& shared, std::string_view done, std::string_view would) {
    return shared.dry_run ? keqing::core::trf("{} (dry run)", keqing::core::tr(std::string(would).c_str()))
                          : std::string(keqing::core::tr(std::string(done).c_str()));
}

namespace {
struct ImportArgs {
    std::string file, from;
    bool ignore_unknown = false, dry_run = false, update = false, force = false;
    std::string encoding = "auto";
};
} // namespace

void add_import_command(CLI::App* parent, const char* name, const char* help, const char* columns,
                        std::string noun, bool dated, Shared& shared, Action& action, Importer importer,
                        keqing::store::Create creates) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* cmd = parent->add_subcommand(name, help);
    cmd->add_option("file", args->file, columns)->required();
    if (dated) cmd->add_flag("--ignore-unknown", args->ignore_unknown, "skip columns keqing does not know");
    cmd->add_flag("--dry-run", args->dry_run, "check every row, store nothing");
    keqing::cli::complete_values(
        cmd->add_option("--encoding", args->encoding,
                        "auto (UTF-8, else GB18030 as Excel saves it), utf-8 or gb18030 (gbk)"),
        {"auto", "utf-8", "gb18030", "gbk"});
    cmd->add_flag("--update", args->update,
                  "apply the rows that differ from what is stored (else they are refused)");
    if (dated) {
        cmd->add_option("--from", args->from,
                        "first day of the tier and rep changes --update makes: YYYY-MM-DD, today, -3…");
        cmd->add_flag("--force", args->force,
                      "also changes that contradict logged contacts (as roster close/tier --force)");
    }
    cmd->callback([args, &shared, &action, noun, importer, creates] {
        action = [args, &shared, noun, importer, creates]() -> Result<Exit> {
            KQ_TRY(const keqing::core::Encoding encoding,
                   keqing::core::parse_encoding(args->encoding, "--encoding"));
            KQ_TRY(keqing::cli::Context ctx,
                   keqing::cli::open_context(shared.common,
                                             args->dry_run ? keqing::store::Create::no : creates));
            keqing::core::ImportOptions options{.ignore_unknown = args->ignore_unknown,
                                                .dry_run = args->dry_run,
                                                .encoding = encoding,
                                                .update = args->update,
                                                .force = args->force};
            KQ_TRY(options.from, maybe_date(args->from, "--from"));
            KQ_TRY(keqing::core::ImportSummary s, importer(ctx, args->file, options));
            for (const std::string& line : s.changes)
                keqing::cli::print("{}\n", args->dry_run ? keqing::core::trf("would change {}", line)
                                                         : keqing::core::trf("changed {}", line));
            const std::string source = keqing::core::source_name(args->file);
            const char* noun_text = keqing::core::tr(noun.c_str());
            keqing::cli::print(
                "{}\n", args->dry_run
                            ? keqing::core::trf(
                                  "would import (dry run) {} from {}: {} added, {} changed, {} unchanged",
                                  noun_text, source, s.added, s.changed, s.unchanged)
                            : keqing::core::trf("imported {} from {}: {} added, {} changed, {} unchanged",
                                                noun_text, source, s.added, s.changed, s.unchanged));
            return Exit::ok;
        };
    });
}

} // namespace roster_app
