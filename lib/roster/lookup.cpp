// Customer lookup by code, name, prefix and substring, with candidate lists for ambiguous queries.
#include "roster/lookup.hpp"

#include "core/text.hpp"

namespace keqing::roster {

Result<store::Customer> resolve_customer(store::Store& store, const std::string& query, core::Date on) {
    const std::string text(core::trim(query));
    if (text.empty()) return data_error("no customer given; name one by code or name (see `roster list`)");
    for (const store::Match how :
         {store::Match::code, store::Match::name, store::Match::prefix, store::Match::substring}) {
        KQ_TRY(std::vector<store::Customer> found, store.find_customers(text, how, on));
        if (found.size() == 1) return found.front();
        if (found.size() > 1) {
            std::string list;
            const size_t shown = std::min<size_t>(found.size(), 8);
            for (size_t i = 0; i < shown; ++i)
                list += (i ? ", " : "") + found[i].code + " " + found[i].name;
            if (found.size() > shown) list += fmt::format(" and {} more", found.size() - shown);
            return data_error("customer '{}' is ambiguous: it matches {}; use the code", text, list);
        }
    }
    return data_error("unknown customer '{}': no code or name matches; see `roster list` or add it with "
                      "`roster add`",
                      text);
}

Result<store::Rep> require_rep(store::Store& store, const std::string& id) {
    if (id.empty())
        return usage_error("no rep given; pass --rep ID, set KEQING_REP, or put rep = \"ID\" in config.toml");
    KQ_TRY(std::optional<store::Rep> rep, store.find_rep(id));
    if (!rep)
        return data_error("unknown rep '{}'; see `roster rep list` or add it with `roster rep add {}`", id,
                          id);
    return *rep;
}

} // namespace keqing::roster
