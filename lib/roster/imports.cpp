// Roster imports that can run again: each row is matched by its key, compared column by column on the
// columns the file has, then added, counted unchanged, or (with --update) applied; one transaction.
#include "roster/imports.hpp"

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "roster/customers.hpp"
#include "roster/import_rows.hpp"
#include "roster/lookup.hpp"
#include "roster/people.hpp"
#include "roster/stages.hpp"

#include <fmt/ranges.h>

#include <charconv>
#include <set>

namespace keqing::roster {
namespace {

const std::vector<std::string> kCustomerRequired = {"code", "name", "tier", "rep"};
const std::vector<std::string> kCustomerOptional = {"opened_on", "closed_on", "phone", "address",
                                                    "stage",     "area",      "lat",   "lon"};

// The differences between a stored record and a row of the file, as "tier A → B, phone (blank) → 0571-1".
class Diff {
  public:
    // Notes `name` when the stored and the file's values differ; `suffix` follows the pair.
    bool field(std::string_view name, std::string_view stored, std::string_view file,
               std::string_view suffix = "") {
        if (stored == file) return false;
        parts_.push_back(fmt::format("{} {} → {}{}", name, shown(stored), shown(file), suffix));
        return true;
    }
    bool empty() const { return parts_.empty(); }
    std::string text() const { return fmt::format("{}", fmt::join(parts_, ", ")); }

  private:
    static std::string shown(std::string_view v) { return v.empty() ? "(blank)" : std::string(v); }
    std::vector<std::string> parts_;
};

std::string iso_or_blank(const std::optional<core::Date>& d) {
    return d ? d->iso() : "";
}

// A row whose key is stored: unchanged when `diff` is empty, else applied by `apply` when the import
// updates, else refused naming what differs.
template <class F>
Result<void> settle(ImportSummary& summary, const ImportOptions& options, const std::string& what,
                    const Diff& diff, F&& apply) {
    if (diff.empty()) {
        ++summary.unchanged;
        return {};
    }
    if (!options.update)
        return data_error(
            "{} is stored with other values ({}); add --update to apply the file, or fix the row", what,
            diff.text());
    KQ_CHECK(apply());
    ++summary.changed;
    summary.changes.push_back(fmt::format("{}: {}", what, diff.text()));
    return {};
}

// The area and coordinates of a customer row: lat and lon both or neither, in range (as --geo).
template <class Field> Result<store::Place> place_in_row(const core::CsvTable& t, size_t i, Field&& field) {
    store::Place place;
    place.area = std::string(t.get(i, "area"));
    KQ_CHECK(core::check_value(place.area, core::kMaxName, field("area")));
    const std::string_view lat = t.get(i, "lat"), lon = t.get(i, "lon");
    if (lat.empty() && lon.empty()) return place;
    if (lat.empty() || lon.empty())
        return data_error("{}: a latitude needs a longitude (and the other way round); give both or neither",
                          field(lat.empty() ? "lat" : "lon"));
    KQ_TRY(store::Place geo, parse_geo(fmt::format("{},{}", lat, lon), field("lat")));
    place.lat = geo.lat;
    place.lon = geo.lon;
    return place;
}

// A key seen twice in one file is refused: which row wins would be a guess.
Result<void> once(std::set<std::string, std::less<>>& seen, const std::string& key, std::string_view what) {
    if (!seen.insert(key).second) return data_error("{} appears twice in the file; keep one row", what);
    return {};
}

// A customer row's own columns (dates, place and stage are checked apart).
store::Customer customer_in_row(const core::CsvTable& t, size_t i) {
    store::Customer c;
    c.code = std::string(t.get(i, "code"));
    c.name = std::string(t.get(i, "name"));
    c.tier = std::string(t.get(i, "tier"));
    c.rep = std::string(t.get(i, "rep"));
    c.phone = std::string(t.get(i, "phone"));
    c.address = std::string(t.get(i, "address"));
    c.stage = std::string(t.get(i, "stage"));
    return c;
}

// The place a row leaves a customer with: the file's area and coordinates where it has those columns,
// each change noted in `diff`.
store::Place merged_place(const core::CsvTable& t, Diff& diff, const store::Place& stored,
                          const store::Place& place) {
    store::Place kept = stored;
    if (t.has("area")) {
        diff.field("area", kept.area, place.area);
        kept.area = place.area;
    }
    if (t.has("lat") || t.has("lon")) {
        diff.field("lat", stored.lat ? degrees_text(*stored.lat) : "",
                   place.lat ? degrees_text(*place.lat) : "");
        diff.field("lon", stored.lon ? degrees_text(*stored.lon) : "",
                   place.lon ? degrees_text(*place.lon) : "");
        kept.lat = place.lat;
        kept.lon = place.lon;
    }
    return kept;
}

} // namespace

Result<ImportSummary> import_customers(store::Store& store, const rules::Rules& rules,
                                       const std::string& path, const ImportOptions& options) {
    const core::Date on = options.from.value_or(core::today());
    const std::string from_text = options.from ? " from " + options.from->iso() : "";
    std::set<std::string, std::less<>> seen;
    auto row = [&](const core::CsvTable& t, size_t i, ImportSummary& summary) -> Result<void> {
        store::Customer c = customer_in_row(t, i);
        // The runner names file and line; the column and field are said here.
        const auto field = [&](std::string_view name) {
            return t.where(i, name).substr(
                fmt::format("{}:{}: ", core::source_name(path), t.row(i).line).size());
        };
        KQ_TRY(c.opened_on, optional_date(t.get(i, "opened_on"), field("opened_on")));
        KQ_TRY(c.closed_on, optional_date(t.get(i, "closed_on"), field("closed_on")));
        KQ_TRY(store::Place place, place_in_row(t, i, field));
        KQ_CHECK(once(seen, c.code, "customer code " + c.code));
        KQ_CHECK(check_customer(store, rules, c));
        std::string stage; // a blank stage leaves the stage as it is: a history is not blanked
        if (!core::trim(c.stage).empty()) {
            KQ_TRY(stage, stage_id(rules, c.stage, field("stage")));
        }
        KQ_TRY(std::vector<store::Customer> existing, store.find_customers(c.code, store::Match::code, on));
        if (existing.empty()) {
            KQ_TRY(store::Customer added, add_customer(store, rules, c));
            if (!place.area.empty() || place.lat) KQ_CHECK(store.set_place(added.id, place));
            ++summary.added;
            return {};
        }
        store::Customer merged = existing.front();
        KQ_CHECK(fill_stages(store, existing, on));
        Diff diff;
        diff.field("name", merged.name, c.name);
        merged.name = c.name;
        auto text = [&](std::string_view column, std::string& stored, const std::string& file) {
            if (!t.has(column)) return;
            diff.field(column, stored, file);
            stored = file;
        };
        text("phone", merged.phone, c.phone);
        text("address", merged.address, c.address);
        auto date = [&](std::string_view column, std::optional<core::Date>& stored,
                        const std::optional<core::Date>& file) {
            if (!t.has(column)) return;
            diff.field(column, iso_or_blank(stored), iso_or_blank(file));
            stored = file;
        };
        date("opened_on", merged.opened_on, c.opened_on);
        date("closed_on", merged.closed_on, c.closed_on);
        const bool details = !diff.empty();
        KQ_TRY(auto stored_places, store.customer_places({merged.id}));
        const store::Place stored = stored_places[merged.id];
        const store::Place kept = merged_place(t, diff, stored, place);
        const bool placed = kept.area != stored.area || kept.lat != stored.lat || kept.lon != stored.lon;
        const bool tier = diff.field("tier", merged.tier, c.tier, from_text);
        const bool rep = diff.field("rep", merged.rep, c.rep, from_text);
        const bool staged = !stage.empty() && diff.field("stage", existing.front().stage, stage, from_text);
        return settle(summary, options, "customer " + c.code, diff, [&]() -> Result<void> {
            if ((tier || rep || staged) && !options.from)
                return data_error("customer {} changes its {}; say from which day with --from YYYY-MM-DD",
                                  c.code,
                                  core::tr(tier && rep ? N_("tier and rep")
                                           : tier      ? N_("tier")
                                           : rep       ? N_("rep")
                                                       : N_("stage")));
            const Force force = options.force ? Force::yes : Force::no;
            if (merged.closed_on && merged.closed_on != existing.front().closed_on)
                KQ_CHECK(check_closing(store, merged, *merged.closed_on, force));
            if (tier) KQ_CHECK(check_from(merged, core::tr("a tier"), *options.from, force));
            if (rep) KQ_CHECK(check_from(merged, core::tr("a rep"), *options.from, force));
            if (staged) KQ_CHECK(check_from(merged, core::tr("a stage"), *options.from, force));
            if (details) KQ_CHECK(store.update_customer(merged));
            if (placed) KQ_CHECK(store.set_place(merged.id, kept));
            if (tier) KQ_CHECK(store.set_tier(merged.id, c.tier, *options.from));
            if (rep) KQ_CHECK(store.assign_rep(merged.id, c.rep, *options.from));
            if (staged) KQ_CHECK(store.set_stage(merged.id, stage, *options.from));
            return {};
        });
    };
    return import_rows(store, path, kCustomerRequired, kCustomerOptional, options, row);
}

Result<ImportSummary> import_reps(store::Store& store, const std::string& path,
                                  const ImportOptions& options) {
    std::set<std::string, std::less<>> seen;
    auto row = [&](const core::CsvTable& t, size_t i, ImportSummary& summary) -> Result<void> {
        const store::Rep rep{std::string(t.get(i, "id")), std::string(t.get(i, "name")),
                             std::string(t.get(i, "team"))};
        KQ_CHECK(once(seen, rep.id, "rep " + rep.id));
        // Checked here too for --update, which changes a rep without add_rep.
        KQ_CHECK(core::check_value(rep.name, core::kMaxName, fmt::format("the name of rep {}", rep.id)));
        KQ_CHECK(core::check_value(rep.team, core::kMaxName, fmt::format("the team of rep {}", rep.id)));
        KQ_TRY(std::optional<store::Rep> existing, store.find_rep(rep.id));
        if (!existing) {
            KQ_TRY([[maybe_unused]] store::Rep added, add_rep(store, rep));
            ++summary.added;
            return {};
        }
        store::Rep merged = *existing;
        Diff diff;
        if (t.has("name") && diff.field("name", merged.name, rep.name)) merged.name = rep.name;
        if (t.has("team") && diff.field("team", merged.team, rep.team)) merged.team = rep.team;
        return settle(summary, options, "rep " + rep.id, diff, [&] { return store.update_rep(merged); });
    };
    return import_rows(store, path, {"id"}, {"name", "team"}, options, row);
}

Result<ImportSummary> import_people(store::Store& store, const std::string& path,
                                    const ImportOptions& options) {
    const core::Date today = core::today();
    std::set<std::string, std::less<>> seen;
    auto row = [&](const core::CsvTable& t, size_t i, ImportSummary& summary) -> Result<void> {
        KQ_TRY(store::Customer c, resolve_customer(store, std::string(t.get(i, "customer")), today));
        const std::string name(t.get(i, "name"));
        if (name.empty()) return data_error("a person needs a name; fill in column name");
        const std::string what = fmt::format("{} at {}", name, c.code);
        KQ_CHECK(once(seen, fmt::format("{}\t{}", c.id, name), what));
        KQ_TRY(std::vector<store::Person> people, store.list_people(c.id));
        std::erase_if(people, [&](const store::Person& p) { return p.name != name; });
        if (people.size() > 1)
            return data_error(
                "{} names {} people (#{} and #{}); tell them apart with `roster person edit ID --name`", what,
                people.size(), people[0].id, people[1].id);
        store::Person p;
        p.name = name;
        p.role = std::string(t.get(i, "role"));
        p.birthday = std::string(t.get(i, "birthday"));
        p.preferences = std::string(t.get(i, "preferences"));
        p.family = std::string(t.get(i, "family"));
        p.personality = std::string(t.get(i, "personality"));
        p.note = std::string(t.get(i, "note"));
        if (people.empty()) {
            KQ_TRY([[maybe_unused]] store::Person added, add_person(store, c.code, p, today));
            ++summary.added;
            return {};
        }
        const store::Person& stored = people.front();
        KQ_TRY(p.birthday, canonical_birthday(p.birthday));
        Diff diff;
        PersonEdit edit;
        auto text = [&](std::string_view column, const std::string& was, const std::string& file,
                        std::optional<std::string>& change) {
            if (t.has(column) && diff.field(column, was, file)) change = file;
        };
        text("role", stored.role, p.role, edit.role);
        text("birthday", stored.birthday, p.birthday, edit.birthday);
        text("preferences", stored.preferences, p.preferences, edit.preferences);
        text("family", stored.family, p.family, edit.family);
        text("personality", stored.personality, p.personality, edit.personality);
        text("note", stored.note, p.note, edit.note);
        return settle(summary, options, fmt::format("person #{} {}", stored.id, what), diff,
                      [&]() -> Result<void> {
                          KQ_TRY([[maybe_unused]] store::Person edited, edit_person(store, stored.id, edit));
                          return {};
                      });
    };
    return import_rows(store, path, {"customer", "name"},
                       {"role", "birthday", "preferences", "family", "personality", "note"}, options, row);
}

Result<ImportSummary> import_events(store::Store& store, const rules::Rules& rules, const std::string& path,
                                    const ImportOptions& options) {
    const core::Date today = core::today();
    std::set<std::string, std::less<>> seen;
    auto row = [&](const core::CsvTable& t, size_t i, ImportSummary& summary) -> Result<void> {
        KQ_TRY(core::Date date, core::parse_date(t.get(i, "date"), "column date"));
        const std::string kind(t.get(i, "kind")), person(t.get(i, "person")), note(t.get(i, "note"));
        KQ_CHECK(core::check_value(note, core::kMaxText, "the event's note")); // for --update too
        KQ_TRY(store::Customer c, resolve_customer(store, std::string(t.get(i, "customer")), today));
        // The person as add_event finds it (by id or name), so the key compares ids.
        int64_t person_id = 0;
        if (!person.empty()) {
            KQ_TRY(std::vector<store::Person> people, store.list_people(c.id));
            int64_t id = 0;
            std::from_chars(person.data(), person.data() + person.size(), id);
            std::erase_if(people, [&](const store::Person& p) { return p.id != id && p.name != person; });
            if (people.size() == 1) person_id = people.front().id;
        }
        const std::string what = fmt::format("the {} of {} on {}{}", kind, c.code, date.iso(),
                                             person.empty() ? "" : " (" + person + ")");
        KQ_CHECK(once(seen, fmt::format("{}\t{}\t{}\t{}", c.id, kind, date.iso(), person), what));
        KQ_TRY(std::vector<store::LifeEvent> events, store.list_events(date, date, c.id));
        std::erase_if(events,
                      [&](const store::LifeEvent& e) { return e.kind != kind || e.person_id != person_id; });
        if (events.empty() || (!person.empty() && person_id == 0)) { // an unknown person: add_event says why
            KQ_TRY([[maybe_unused]] store::LifeEvent added,
                   add_event(store, rules, c.code, kind, date, person, note, today));
            ++summary.added;
            return {};
        }
        store::LifeEvent stored = events.front();
        Diff diff;
        if (t.has("note") && diff.field("note", stored.note, note)) stored.note = note;
        return settle(summary, options, fmt::format("event #{}, {}", stored.id, what), diff,
                      [&] { return store.update_event(stored); });
    };
    return import_rows(store, path, {"customer", "kind", "date"}, {"person", "note"}, options, row);
}

} // namespace keqing::roster
