// Text and JSON renderings of obligations (R4–R8) and rep goals with checklist completeness (R9–R17).
#include "output/obligation_view.hpp"

#include "output/quota_view.hpp"
#include "output/table.hpp"
#include "output/words.hpp"
#include "store/types.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>

namespace keqing::output {

std::string proposal_line(const occasions::Proposal& p) {
    const rules::EventKind& k = *p.kind;
    return core::trf("proposed: {} ({}{}) at {} — the notes say “{}”", k.name, k.kind,
                     k.rule.empty() ? "" : ", " + k.rule, p.customer_code, p.word) +
           "\n  " +
           core::trf("if so, record it (with its own day): roster event add {} --kind {} --date {}",
                     p.customer_code, k.kind, p.date.iso());
}

std::string actions_text(const std::vector<rules::Action>& actions, const rules::Rules& rules) {
    std::string out;
    for (const auto& a : actions)
        out += (out.empty() ? "" : core::tr(", ")) + action_word(rules, a);
    return out;
}

std::string not_counted_why(const occasions::Obligation& o, const occasions::NotCounted& n) {
    using Why = occasions::NotCounted::Why;
    if (n.why == Why::logged_late)
        return core::trf(
            "logged {} days after it happened, and late contacts do not count (count_late = false)",
            n.days_late);
    const std::string needs =
        core::trf("{} needs {}", o.rule.empty() ? o.name : o.rule, core::tr(rules::Rules::who_text(o.who)));
    if (n.why == Why::other_rep)
        return core::trf("{} ({} was assigned on {})", needs, n.assigned, n.date.iso().substr(5));
    return core::trf("{} ({} is not in person)", needs, n.channel);
}

std::string not_counted_text(const occasions::Obligation& o, const occasions::NotCounted& n) {
    return core::trf("contact #{} by {} did not count: {}", n.contact, n.rep, not_counted_why(o, n));
}

namespace {

// The contacts that did not count for obligations not yet done, one line each.
void not_counted_lines(core::Sink& out, const occasions::Listing& obligations, bool with_customer) {
    occasions::Obligation scratch;
    for (size_t i = 0; i < obligations.size(); ++i) {
        const occasions::Obligation& o = obligations.at(i, scratch);
        if (o.state == occasions::State::done || o.state == occasions::State::done_late) continue;
        for (const auto& n : o.not_counted)
            out << fmt::format("  {}{} {}: {}\n", with_customer ? o.customer_code + " " : "", o.name,
                               o.date.iso(), not_counted_text(o, n));
    }
}

// The order a person reads them in: what can still be done first (overdue, open, upcoming), then what
// was missed, then what was done; by date within a state.
std::vector<uint32_t> reading_order(const occasions::Listing& obligations) {
    using occasions::State;
    constexpr std::array<State, occasions::kStates> order = {
        State::overdue, State::open, State::upcoming, State::missed, State::done_late, State::done};
    const auto rank = [&](State s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    struct Place {
        std::ptrdiff_t rank;
        core::Date date;
        std::string_view code;
        uint32_t at;
    };
    std::vector<Place> places(obligations.size()); // the keys once each, not at every comparison
    for (uint32_t i = 0; i < places.size(); ++i) {
        const auto key = obligations.key(i);
        places[i] = {rank(key.state), key.date, key.customer_code, i};
    }
    std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
        return std::tie(a.rank, a.date, a.code) < std::tie(b.rank, b.date, b.code);
    });
    std::vector<uint32_t> out;
    out.reserve(places.size());
    for (const Place& p : places)
        out.push_back(p.at);
    return out;
}

// An obligation's row: day, (customer,) occasion, window, state, what is still to do.
void obligation_row(const occasions::Obligation& o, const rules::Rules& rules, bool with_customer,
                    std::vector<std::string>& row) {
    row.clear();
    row.push_back(o.date.iso());
    if (with_customer) {
        row.push_back(o.customer_code);
        row.push_back(o.customer_name);
        row.push_back(o.rep);
    }
    row.push_back(o.person.empty() ? o.name : o.name + " · " + o.person);
    row.push_back(fmt::format("{} … {}", o.from.iso().substr(5), o.to.iso().substr(5)));
    row.push_back(state_word(occasions::display(o.state)));
    std::string todo = actions_text(o.outstanding(), rules);
    if (o.note_required && !todo.empty()) todo += core::tr(" (personal note)");
    const bool done = o.state == occasions::State::done || o.state == occasions::State::done_late;
    row.push_back(done ? "" : todo);
}

} // namespace

std::string render_obligations(const std::vector<occasions::Obligation>& obligations,
                               const rules::Rules& rules, bool with_customer) {
    core::Sink out;
    render_obligations(out, occasions::VectorListing(obligations), rules, with_customer);
    return out.take();
}

// The table is measured in one pass over the obligations and drawn in a second: a national report's
// hundreds of thousands of rows are never held (each obligation is made twice instead).
void render_obligations(core::Sink& out, const occasions::Listing& obligations, const rules::Rules& rules,
                        bool with_customer) {
    Table t;
    t.column(core::tr("DATE"));
    if (with_customer) t.column(core::tr("CODE")).column(core::tr("CUSTOMER")).column(core::tr("REP"));
    t.column(core::tr("OCCASION"), Align::left, kTextColumns)
        .column(core::tr("WINDOW"))
        .column(core::tr("STATE"))
        .column(core::tr("TO DO"), Align::left, kTextColumns);
    const std::vector<uint32_t> order = reading_order(obligations);
    occasions::Obligation scratch;
    std::vector<std::string> row;
    std::vector<std::string_view> cells;
    const auto make = [&](uint32_t i) -> const occasions::Obligation& {
        const occasions::Obligation& o = obligations.at(i, scratch);
        obligation_row(o, rules, with_customer, row);
        cells.assign(row.begin(), row.end());
        return o;
    };
    for (const uint32_t i : order) {
        make(i);
        t.measure(cells);
    }
    t.indent(2).stream(out);
    for (const uint32_t i : order) {
        const occasions::Obligation& o = make(i);
        t.stream_row(out, cells, row.size() - 2, tone_of(o.state));
    }
    not_counted_lines(out, obligations, with_customer);
}

void write_obligations(core::JsonWriter& j, const std::vector<occasions::Obligation>& obligations,
                       const rules::Rules& rules) {
    write_obligations(j, occasions::VectorListing(obligations), rules);
}

void write_obligations(core::JsonWriter& j, const occasions::Listing& obligations,
                       const rules::Rules& rules) {
    j.begin_array();
    occasions::Obligation scratch;
    for (size_t at = 0; at < obligations.size(); ++at) {
        const occasions::Obligation& o = obligations.at(at, scratch);
        j.begin_object().key("uid").value(o.uid).key("tag").value(o.tag).key("kind").value(o.kind);
        j.key("name").value(o.name).key("person").value_or_null(o.person);
        j.key("customer").value(o.customer_code).key("customer_name").value(o.customer_name);
        j.key("tier").value(o.tier).key("rep").value(o.rep);
        j.key("date").value(o.date.iso()).key("from").value(o.from.iso()).key("to").value(o.to.iso());
        j.key("state").value(occasions::to_string(o.state));
        j.key("actions").begin_array();
        for (size_t i = 0; i < o.actions.size(); ++i) {
            j.begin_object().key("action").value(rules.action_text(o.actions[i]));
            if (o.satisfied_by[i])
                j.key("contact").value(o.satisfied_by[i]);
            else
                j.key("contact").null();
            j.end_object();
        }
        j.end_array().key("note_required").value(o.note_required);
        j.key("not_counted").begin_array();
        for (const auto& n : o.not_counted) {
            j.begin_object().key("contact").value(n.contact).key("rep").value(n.rep);
            j.key("channel").value(n.channel).key("date").value(n.date.iso());
            j.key("reason").value(occasions::to_string(n.why)).key("assigned").value_or_null(n.assigned);
            j.key("days_late").value(n.days_late).key("text").value(not_counted_text(o, n)).end_object();
        }
        j.end_array().end_object();
    }
    j.end_array();
}

std::string render_goals(const std::vector<compliance::RepGoals>& goals) {
    Table t;
    t.column(core::tr("REP"))
        .column(core::tr("GOAL"))
        .column(core::tr("DONE"), Align::right)
        .column(core::tr("STATUS"))
        .column(core::tr("DETAIL"), Align::left, kTextColumns);
    for (const auto& r : goals) {
        for (const auto& g : r.goals)
            t.row({r.rep, fmt::format("{} {}", g.id, g.label), fmt::format("{}/{}", g.done, g.required),
                   compliance::display(g.status), g.detail})
                .tone(3, tone_of(g.status));
        std::string missing;
        for (size_t i = 0; i < 6; ++i)
            if (r.checklist.recorded[i] < r.checklist.visits)
                missing += fmt::format("{}{} {}/{}", missing.empty() ? "" : ", ",
                                       std::string_view(store::kChecklistLabels[i]).substr(0, 3),
                                       r.checklist.recorded[i], r.checklist.visits);
        t.row({r.rep, core::tr("R12–R17 complete visit checklists"),
               fmt::format("{}/{}", r.checklist.complete, r.checklist.visits),
               r.checklist.complete == r.checklist.visits ? core::tr("complete") : core::tr("incomplete"),
               missing});
    }
    return t.indent(2).render();
}

void write_goals(core::JsonWriter& j, const std::vector<compliance::RepGoals>& goals) {
    j.begin_array();
    for (const auto& r : goals) {
        j.begin_object().key("rep").value(r.rep).key("team").value(r.team);
        j.key("status").value(compliance::to_string(r.status));
        j.key("goals").begin_object();
        for (const auto& g : r.goals) {
            j.key(g.id).begin_object().key("label").value(g.label_en).key("required").value(g.required);
            j.key("done").value(g.done).key("expected").value(g.expected);
            j.key("status")
                .value(compliance::to_string(g.status))
                .key("detail")
                .value(g.detail_en)
                .end_object();
        }
        j.end_object();
        j.key("checklist").begin_object().key("visits").value(r.checklist.visits);
        j.key("complete").value(r.checklist.complete).key("recorded").begin_object();
        for (size_t i = 0; i < 6; ++i)
            j.key(store::kChecklistColumns[i]).value(r.checklist.recorded[i]);
        j.end_object().end_object().end_object();
    }
    j.end_array();
}

} // namespace keqing::output
