// Contact validation (customer, channel, dates, rep, active period) shared by single logging and CSV
// import, and voiding.
#include "contacts/log.hpp"

#include "core/csv.hpp"
#include "core/text.hpp"
#include "roster/lookup.hpp"

#include <functional>

namespace keqing::contacts {
namespace {

const std::vector<std::string> kRequired = {"customer", "channel", "date"};
const std::vector<std::string> kOptional = {"time",   "rep",        "note",       "gift",      "occasion",
                                            "feedback", "preference", "favour",   "family",    "competitor",
                                            "slow_mover", "asked_help", "solved", "training"};

Result<bool> parse_flag(std::string_view text, std::string_view what) {
    const std::string v = core::to_lower(core::trim(text));
    if (v.empty() || v == "0" || v == "no" || v == "false" || v == "n") return false;
    if (v == "1" || v == "yes" || v == "true" || v == "y") return true;
    return data_error("{}: '{}' is not a yes/no value; write 1 or 0 (or leave it empty)", what, text);
}

// Checks a request and turns it into a contact ready to store. `where` prefixes messages.
Result<store::Contact> build(store::Store& store, const rules::Rules& rules, const LogRequest& r,
                             const core::Now& now, const std::string& where_prefix,
                             const std::function<std::string(std::string_view)>& where) {
    store::Contact c;
    if (rules.channel_index(r.channel) < 0)
        return data_error("{}: unknown channel '{}'; the rules define {}", where("channel"), r.channel,
                          rules.channel_ids());
    c.channel = r.channel;
    if (r.date && !r.date->empty()) {
        KQ_TRY(c.date, core::parse_date(*r.date, where("date")));
    } else {
        c.date = now.date;
    }
    if (c.date > now.date)
        return data_error("{}: {} is in the future (today is {}); log contacts after they happen", where("date"),
                          c.date.iso(), now.date.iso());
    if (r.time && !r.time->empty()) {
        KQ_TRY(c.time, core::parse_time(*r.time, where("time")));
    } else if (c.date == now.date) {
        c.time = now.time;
    }
    auto found = roster::resolve_customer(store, r.customer, c.date);
    if (!found) return Error{found.error().code, where_prefix + found.error().message};
    const store::Customer& customer = *found;
    if (customer.opened_on && c.date < *customer.opened_on)
        return data_error("{}customer {} opened on {}; a contact on {} is before that — check the date or fix "
                          "the opening date with `roster edit {} --opened`",
                          where_prefix, customer.code, customer.opened_on->iso(), c.date.iso(), customer.code);
    if (customer.closed_on && c.date > *customer.closed_on)
        return data_error("{}customer {} closed on {}; a contact on {} is after that — check the date or "
                          "`roster reopen {}`",
                          where_prefix, customer.code, customer.closed_on->iso(), c.date.iso(), customer.code);
    const std::string rep_id = r.rep.empty() ? customer.rep : r.rep;
    if (auto rep = roster::require_rep(store, rep_id); !rep)
        return Error{rep.error().code, where_prefix + rep.error().message};
    c.customer_id = customer.id;
    c.customer_code = customer.code;
    c.rep = rep_id;
    c.note = r.note;
    c.gift = r.gift;
    c.checklist = r.checklist;
    c.asked_help = r.asked_help;
    c.solved = r.solved;
    c.training = r.training;
    c.logged_at = now.iso();
    return c;
}

int days_late(const rules::Rules& rules, const store::Contact& c, const core::Now& now) {
    const int gap = now.date - c.date;
    return gap > rules.late_after_days ? gap : 0;
}

} // namespace

std::vector<std::string> missing_checklist(const store::Contact& contact) {
    std::vector<std::string> out;
    for (size_t i = 0; i < contact.checklist.size(); ++i)
        if (core::trim(contact.checklist[i]).empty()) out.emplace_back(store::kChecklistLabels[i]);
    return out;
}

Result<LogOutcome> log_contact(store::Store& store, const rules::Rules& rules, const LogRequest& request,
                               bool dry_run) {
    const core::Now now = core::now();
    auto where = [](std::string_view field) { return fmt::format("--{}", field); };
    return store::in_transaction(
        store,
        [&]() -> Result<LogOutcome> {
            KQ_TRY(store::Contact contact, build(store, rules, request, now, "", where));
            KQ_TRY(occasions::TagChoice tag, occasions::choose_tag(store, rules, contact, request.occasion));
            contact.occasion = tag.tag;
            KQ_TRY(contact.id, store.add_contact(contact));
            std::optional<occasions::Obligation> obligation;
            if (!tag.tag.empty()) {
                KQ_TRY(std::vector<occasions::Obligation> after,
                       occasions::obligations(store, rules, contact.date, contact.date, now.date, contact.customer_code));
                for (auto& o : after)
                    if (o.tag == tag.tag) obligation = std::move(o);
            }
            KQ_TRY(std::vector<store::Customer> found,
                   store.find_customers(contact.customer_code, store::Match::code, contact.date));
            const compliance::Scope scope{compliance::Scope::Kind::customer, contact.customer_code};
            KQ_TRY(compliance::MonthResult month, compliance::evaluate_month(store, rules, core::Month::of(contact.date),
                                                                            now.date, scope));
            return LogOutcome{contact, found.front(), days_late(rules, contact, now), std::move(month), std::move(tag),
                              std::move(obligation)};
        },
        dry_run ? store::Finish::rollback : store::Finish::commit);
}

Result<store::Contact> void_contact(store::Store& store, int64_t id, const std::string& reason) {
    if (core::trim(reason).empty())
        return usage_error("--void needs --reason TEXT saying why (it is kept with the contact)");
    return store::in_transaction(store, [&]() -> Result<store::Contact> {
        KQ_TRY(std::optional<store::Contact> contact, store.find_contact(id));
        if (!contact) return data_error("no contact #{}; contact numbers are shown when logging", id);
        if (!contact->voided_at.empty())
            return data_error("contact #{} was already voided on {} ({})", id, contact->voided_at,
                              contact->void_reason);
        contact->voided_at = core::now().iso();
        contact->void_reason = std::string(core::trim(reason));
        KQ_CHECK(store.void_contact(id, contact->void_reason, contact->voided_at));
        return *contact;
    });
}

Result<ImportResult> import_contacts(store::Store& store, const rules::Rules& rules, const std::string& path,
                                     const std::string& default_rep, bool ignore_unknown, bool dry_run) {
    KQ_TRY(std::string text, core::read_file(path));
    KQ_TRY(std::vector<core::CsvRecord> records, core::parse_csv(text, path));
    KQ_TRY(core::CsvTable table,
           core::CsvTable::from_records(std::move(records), path, kRequired, kOptional, ignore_unknown));
    const core::Now now = core::now();
    auto load = [&]() -> Result<ImportResult> {
        ImportResult result;
        for (size_t i = 0; i < table.size(); ++i) {
            auto where = [&](std::string_view column) { return table.where(i, column); };
            const std::string prefix = fmt::format("{}:{}: ", path, table.row(i).line);
            LogRequest r;
            r.customer = std::string(table.get(i, "customer"));
            if (r.customer.empty()) return data_error("{}: the customer is empty; give a code or name", where("customer"));
            r.channel = core::to_lower(table.get(i, "channel"));
            r.date = std::string(table.get(i, "date"));
            if (r.date->empty()) return data_error("{}: the date is empty; write YYYY-MM-DD", where("date"));
            r.time = std::string(table.get(i, "time"));
            r.rep = table.has("rep") && !table.get(i, "rep").empty() ? std::string(table.get(i, "rep")) : default_rep;
            r.note = std::string(table.get(i, "note"));
            KQ_TRY(r.gift, parse_flag(table.get(i, "gift"), where("gift")));
            r.occasion = std::string(table.get(i, "occasion"));
            for (size_t k = 0; k < r.checklist.size(); ++k)
                r.checklist[k] = std::string(table.get(i, store::kChecklistColumns[k]));
            KQ_TRY(r.asked_help, parse_flag(table.get(i, "asked_help"), where("asked_help")));
            r.solved = std::string(table.get(i, "solved"));
            KQ_TRY(r.training, parse_flag(table.get(i, "training"), where("training")));
            KQ_TRY(store::Contact contact, build(store, rules, r, now, prefix, where));
            if (!r.occasion.empty()) {
                auto tag = occasions::choose_tag(store, rules, contact, r.occasion);
                if (!tag) return data_error("{}: {}", where("occasion"), tag.error().message);
                contact.occasion = tag->tag;
            }
            KQ_TRY([[maybe_unused]] int64_t id, store.add_contact(contact));
            result.rows++;
            if (days_late(rules, contact, now) > 0) result.late++;
        }
        return result;
    };
    return store::in_transaction(store, load, dry_run ? store::Finish::rollback : store::Finish::commit);
}

} // namespace keqing::contacts
