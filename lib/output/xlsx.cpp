// The report's and check-quota's workbooks: the same sections and numbers as their JSON, one sheet each.
#include "output/xlsx.hpp"

#include "output/xlsx_book.hpp"

namespace keqing::output {
namespace {

using compliance::Status;
using xlsx::number;
using xlsx::rate;
using xlsx::text;

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

std::vector<std::string> status_names() {
    std::vector<std::string> out;
    for (int s = 0; s < 4; ++s)
        out.emplace_back(compliance::to_string(static_cast<Status>(s)));
    return out;
}

// A ranking or breakdown: rank, key, label, team, customer-months, score, statuses, channel rates.
void rows_sheet(xlsx::Book& book, std::string_view name, const std::string& what,
                const std::vector<report::Row>& rows, const std::vector<std::string>& channels) {
    xlsx::Sheet& s = book.sheet(
        name,
        with(with({"rank", what, "name", "team", "customer_months", "score"}, status_names()), channels));
    for (const auto& r : rows) {
        std::vector<xlsx::Cell> cells{
            number(r.rank),      text(r.key), text(r.label), text(r.team), number(r.customer_months),
            rate(r.total.rate())};
        for (const int n : r.by_status)
            cells.push_back(number(n));
        for (const auto& a : r.channels)
            cells.push_back(rate(a.rate()));
        s.row(cells);
    }
}

void report_summary(xlsx::Book& book, const report::Report& r) {
    xlsx::Sheet& s = book.sheet("Summary", with({"tier", "customer_months"}, status_names()));
    const auto& sum = r.summary;
    s.row({text("all"), number(sum.customers), number(sum.by_status[0]), number(sum.by_status[1]),
           number(sum.by_status[2]), number(sum.by_status[3])});
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        const auto& st = r.tier_status[t];
        s.row({text(r.tiers[t]), number(st[0] + st[1] + st[2] + st[3]), number(st[0]), number(st[1]),
               number(st[2]), number(st[3])});
    }
    s.row({});
    s.row({text("score"), rate(sum.score)});
    s.row({text("from"), text(r.options.from.iso())});
    s.row({text("to"), text(r.options.to.iso())});
    s.row({text("as_of"), text(r.options.as_of.iso())});
}

void report_attainment(xlsx::Book& book, const report::Report& r) {
    xlsx::Sheet& tc = book.sheet("Tier x channel", with({"tier"}, r.channels));
    for (size_t t = 0; t < r.tiers.size(); ++t) {
        std::vector<xlsx::Cell> cells{text(r.tiers[t])};
        for (const auto& a : r.tier_channel[t])
            cells.push_back(a.required ? rate(a.rate()) : text(""));
        tc.row(cells);
    }
    xlsx::Sheet& trend = book.sheet("Months", with({"month", "as_of", "customers", "score"}, r.channels));
    for (const auto& m : r.months) {
        std::vector<xlsx::Cell> cells{text(m.month.iso()), text(m.as_of.iso()), number(m.summary.customers),
                                      rate(m.summary.score)};
        for (const auto& a : m.channels)
            cells.push_back(rate(a.rate()));
        trend.row(cells);
    }
}

void goals_sheet(xlsx::Book& book, std::string_view name, const std::vector<std::string>& month_column,
                 const std::vector<compliance::RepGoals>& goals, xlsx::Sheet* into = nullptr) {
    xlsx::Sheet& s = into ? *into
                          : book.sheet(name, with(month_column, {"rep", "team", "goal", "label", "done",
                                                                 "required", "status", "detail"}));
    for (const auto& g : goals) {
        for (const auto& goal : g.goals) {
            std::vector<xlsx::Cell> cells;
            for (const auto& m : month_column)
                cells.push_back(text(m));
            for (auto c : {text(g.rep), text(g.team), text(goal.id), text(goal.label_en), number(goal.done),
                           number(goal.required), text(std::string(compliance::to_string(goal.status))),
                           text(goal.detail_en)})
                cells.push_back(std::move(c));
            s.row(cells);
        }
    }
}

void report_rest(xlsx::Book& book, const report::Report& r) {
    std::vector<std::string> states;
    for (size_t s = 0; s < occasions::kStates; ++s)
        states.emplace_back(occasions::to_string(static_cast<occasions::State>(s)));
    xlsx::Sheet& occ = book.sheet("Occasions", with({"kind", "name", "rule", "total"}, states));
    for (const auto& o : r.occasions) {
        std::vector<xlsx::Cell> cells{text(o.kind), text(o.name), text(o.rule), number(o.total)};
        for (const int n : o.by_state)
            cells.push_back(number(n));
        occ.row(cells);
    }
    xlsx::Sheet& goals = book.sheet(
        "Goals", {"month", "rep", "team", "goal", "label", "done", "required", "status", "detail"});
    for (const auto& m : r.months)
        goals_sheet(book, "", {m.month.iso()}, m.goals.goals(), &goals);
    xlsx::Sheet& fu = book.sheet(
        "Follow-ups", {"rep", "opened", "closed", "done", "open", "overdue", "median_days_to_close"});
    for (const auto& c : r.followup_counts)
        fu.row({text(c.rep.empty() ? "all" : c.rep), number(c.opened), number(c.closed), number(c.done),
                number(c.open), number(c.overdue), c.median_days ? number(*c.median_days) : text("")});
    xlsx::Sheet& open =
        book.sheet("Open complaints", {"id", "customer", "customer_name", "rep", "body", "opened_on",
                                       "due_on", "age_days", "state", "next_step"});
    for (const auto& c : r.complaints_open)
        open.row({number(static_cast<double>(c.item.id)), text(c.item.customer_code),
                  text(c.item.customer_name), text(c.item.rep), text(c.item.body),
                  text(c.item.opened_on.iso()), text(c.item.due_on.iso()), number(c.age_days),
                  text(std::string(followups::to_string(c.state))), text(c.next)});
    const auto& q = r.quality;
    xlsx::Sheet& dq = book.sheet("Data quality", {"finding", "count"});
    dq.row({text("late"), number(q.late_count)});
    dq.row({text("duplicates"), number(q.duplicate_count)});
    dq.row({text("voided"), number(q.voided_count)});
    dq.row({text("implausible_days"), number(static_cast<double>(q.busy_days.size()))});
}

} // namespace

Result<void> write_report_xlsx(const report::Report& r, const rules::Rules&,
                               const std::filesystem::path& path) {
    xlsx::Book book(path);
    report_summary(book, r);
    rows_sheet(book, "Rep ranking", "rep", r.reps, r.channels);
    if (r.options.by != report::By::rep)
        rows_sheet(book, fmt::format("By {}", report::to_string(r.options.by)),
                   std::string(report::to_string(r.options.by)), r.rows, r.channels);
    report_attainment(book, r);
    report_rest(book, r);
    return book.close();
}

Result<void> write_check_xlsx(const compliance::Check& check, const rules::Rules& rules,
                              const std::filesystem::path& path) {
    xlsx::Book book(path);
    const auto& m = check.month;
    std::vector<std::string> headers{"code", "name", "tier", "rep", "status", "score", "active_days"};
    for (const int ch : m.channels)
        for (const char* what : {"required", "done", "expected", "status"})
            headers.push_back(fmt::format("{}_{}", rules.channels[static_cast<size_t>(ch)].id, what));
    xlsx::Sheet& customers = book.sheet(fmt::format("Quota {}", m.month.iso()), headers);
    for (const auto& c : m.customers) {
        std::vector<xlsx::Cell> cells{text(c.code),
                                      text(c.name),
                                      text(c.tier),
                                      text(c.rep),
                                      text(std::string(compliance::to_string(c.status))),
                                      rate(c.score),
                                      number(c.active_days)};
        for (const auto& ch : c.channels)
            for (auto cell : {number(ch.required), number(ch.done), number(ch.expected),
                              text(std::string(compliance::to_string(ch.status)))})
                cells.push_back(std::move(cell));
        customers.row(cells);
    }
    xlsx::Sheet& obligations = book.sheet("Occasions", {"date", "customer", "customer_name", "rep",
                                                        "occasion", "person", "from", "to", "state"});
    for (const auto& o : check.obligations)
        obligations.row({text(o.date.iso()), text(o.customer_code), text(o.customer_name), text(o.rep),
                         text(o.name), text(o.person), text(o.from.iso()), text(o.to.iso()),
                         text(std::string(occasions::to_string(o.state)))});
    if (!check.goals.empty()) goals_sheet(book, "Goals", {}, check.goals);
    return book.close();
}

} // namespace keqing::output
