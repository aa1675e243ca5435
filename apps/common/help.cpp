// The translating help formatter and CLI11's parse errors (CLI11 2.1's English messages, recognised by
// their wording) in the reader's language.
#include "common/help.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/args.h>

#include <memory>
#include <regex>
#include <sstream>
#include <vector>

namespace keqing::cli {
namespace {

// CLI11's own texts, looked up like the tools' (the formatter translates every group name and description).
[[maybe_unused]] constexpr const char* kCli11Texts[] = {N_("Options"), N_("Subcommands"),
                                                        N_("Print this help message and exit"),
                                                        N_("Display program version information and exit")};

// CLI11's Formatter, with every text a person reads looked up in the catalog when help is printed: the
// descriptions given to add_option / add_flag / add_subcommand / add_option_group and footer() are
// marked for xgettext by those names (po/CMakeLists.txt), the headings and labels here.
class TranslatingFormatter : public CLI::Formatter {
    // A heading with its colon: "Options:", "选项：".
    static std::string heading(const std::string& name) {
        return name + (core::language() == core::Language::chinese ? "：" : ":");
    }

  public:
    TranslatingFormatter() {
        for (const char* key : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"),
                                N_("Positionals"), N_("REQUIRED"), N_("Env"), N_("Needs"), N_("Excludes")})
            label(key, core::tr(key));
    }
    std::string make_group(std::string group, bool is_positional,
                           std::vector<const CLI::Option*> opts) const override {
        std::string text = "\n" + heading(core::tr(group.c_str())) + "\n";
        for (const CLI::Option* opt : opts)
            text += make_option(opt, is_positional);
        return text;
    }
    std::string make_usage(const CLI::App* app, std::string name) const override {
        std::string text = CLI::Formatter::make_usage(app, std::move(name));
        // "Usage: tool …", "用法：tool …" (a full-width colon needs no space after it)
        const std::string english = get_label("Usage") + ": ";
        const bool chinese = core::language() == core::Language::chinese;
        if (text.starts_with(english))
            text.replace(0, english.size(), heading(get_label("Usage")) + (chinese ? "" : " "));
        return text;
    }
    std::string make_description(const CLI::App* app) const override {
        const std::string desc = app->get_description();
        return desc.empty() ? std::string() : std::string(core::tr(desc.c_str())) + "\n";
    }
    std::string make_footer(const CLI::App* app) const override {
        const std::string footer = app->get_footer();
        return footer.empty() ? std::string() : std::string(core::tr(footer.c_str())) + "\n";
    }
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::string text = CLI::Formatter::make_subcommands(app, mode);
        const std::string english = "\nSubcommands:\n";
        if (const size_t at = text.find(english); at != std::string::npos)
            text.replace(at, english.size(), "\n" + this->heading(core::tr(N_("Subcommands"))) + "\n");
        return text;
    }
    std::string make_subcommand(const CLI::App* sub) const override {
        std::ostringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true), core::tr(sub->get_description().c_str()),
                                 column_width_);
        return out.str();
    }
    std::string make_expanded(const CLI::App* sub) const override {
        // An option group (a nameless subcommand): its heading is its group's name, then its description.
        if (!sub->get_name().empty()) return CLI::Formatter::make_expanded(sub);
        std::string text = CLI::Formatter::make_expanded(sub);
        const std::string name = sub->get_display_name(true); // "[Option Group: NAME]"
        if (text.starts_with(name))
            text.replace(0, name.size(), core::trf("[Option Group: {}]", core::tr(sub->get_group().c_str())));
        return text;
    }
    // CLI11's option line (name and values, then the description from column_width_ on), padded by
    // display width: a Chinese label such as 必填 is two columns a character, not three bytes.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string desc = make_option_desc(opt);
        const size_t width = static_cast<size_t>(core::display_width(name));
        const std::string pad(column_width_, ' ');
        std::string line = name;
        if (!desc.empty()) {
            line += width >= column_width_ ? "\n" + pad : std::string(column_width_ - width, ' ');
            for (char c : desc)
                line += c == '\n' ? "\n" + pad : std::string(1, c);
        }
        return line + "\n";
    }
    std::string make_option_desc(const CLI::Option* opt) const override {
        const std::string& desc = opt->get_description();
        return desc.empty() ? desc : core::tr(desc.c_str());
    }
};

void give_formatter(CLI::App& app, const std::shared_ptr<CLI::FormatterBase>& formatter) {
    app.formatter(formatter);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        give_formatter(*sub, formatter);
}

// One CLI11 message, its pattern and the translatable message its captures fill, in this order.
struct ParseMessage {
    const char* pattern;
    const char* message;
    std::vector<int> order; // capture numbers in the message's order
};

std::string fill(const char* message, const std::vector<std::string>& values) {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string& v : values)
        args.push_back(v);
    try {
        return fmt::vformat(core::tr(message), args);
    } catch (const fmt::format_error&) {
        return fmt::vformat(message, args);
    }
}

} // namespace

void translate_help(CLI::App& app) {
    give_formatter(app, std::make_shared<TranslatingFormatter>());
}

std::string parse_error_message(const CLI::ParseError& error) {
    static const ParseMessage kMessages[] = {
        {"The following arguments? (?:was|were) not expected: (.*)", N_("unexpected argument: {}"), {1}},
        {"A subcommand is required", N_("a subcommand is required"), {}},
        {"Requires at least (\\d+) subcommands", N_("at least {} subcommands are required"), {1}},
        {"Exactly 1 option from \\[(.*)\\] is required and (\\d+) were given",
         N_("only one of {} may be given ({} were)"),
         {1, 2}},
        {"Exactly 1 option from \\[(.*)\\] is required", N_("one of {} is required"), {1}},
        {"At least 1 option from \\[(.*)\\] is required", N_("at least one of {} is required"), {1}},
        {"(.+) is required", N_("{} is required"), {1}},
        {"The value (.*) is not an allowed value for (.*)", N_("{} is not an allowed value for {}"), {1, 2}},
        {"Could not convert: (.*) = (.*)",
         N_("{} cannot take '{}': it is not a value of the right kind"),
         {1, 2}},
        {"(.+): too many inputs for a flag", N_("{} is a flag: it takes no value"), {1}},
        {"(.+): Should be true/false or a number", N_("{} takes true, false or a number"), {1}},
        {"Expected exactly (\\d+) arguments? to (.+), got (\\d+)",
         N_("{} takes {} value(s), got {}"),
         {2, 1, 3}},
        {"Expected at least (\\d+) arguments? to (.+), got (\\d+)",
         N_("{} takes at least {} value(s), got {}"),
         {2, 1, 3}},
        {"(.+): \\d+ required .* missing", N_("{} needs a value"), {1}},
        {"(.+): At (?:least|Most) \\d+ required but received \\d+",
         N_("{} is given a wrong number of values"),
         {1}},
        {"(.+?): (.*) not in \\{(.*)\\}", N_("{}: '{}' is not one of {}"), {1, 2, 3}},
        {"(.+?): Value (.*) not in range (.*) to (.*)", N_("{}: {} is not between {} and {}"), {1, 2, 3, 4}},
        {"(.+?): Value (.*) could not be converted.*", N_("{}: '{}' is not a valid value"), {1, 2}},
        {"(.+) requires (.+)", N_("{} requires {}"), {1, 2}},
        {"(.+) excludes (.+)", N_("{} cannot be used with {}"), {1, 2}},
    };
    const std::string text = error.what();
    if (core::language() == core::Language::english) return text;
    for (const ParseMessage& m : kMessages) {
        std::smatch match;
        if (!std::regex_match(text, match, std::regex(m.pattern))) continue;
        std::vector<std::string> values;
        for (int i : m.order)
            values.push_back(match[i].str());
        return fill(m.message, values);
    }
    return fill(N_("the command line is not understood: {}"), {text});
}

} // namespace keqing::cli
