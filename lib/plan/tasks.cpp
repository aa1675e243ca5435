// The contacts a plan must place, read with the engines every tool shares: the open obligations of the
// occasions engine (one task per action still to make) and the quotas still owed of the month's evaluation
// (one task per contact owed, on the day an even spread over the month's working days gives it).
#include "plan/tasks.hpp"

#include "compliance/evaluate.hpp"
#include "compliance/said.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace keqing::plan {
namespace {

// Where an obligation's actions go: open and upcoming ones become tasks, overdue ones are said missed.
void obligation_tasks(const occasions::Obligation& o, int customer, const Inputs& in, Work& work) {
    const rules::Rules& rules = *in.rules;
    const int tier_rank = std::max(0, rules.tier_index(o.tier));
    for (size_t j = 0; j < o.actions.size(); ++j) {
        if (j < o.satisfied_by.size() && o.satisfied_by[j] != 0) continue;
        const rules::Action& a = o.actions[j];
        const rules::Channel& channel = rules.channels[static_cast<size_t>(a.channel)];
        Entry e;
        e.uid = fmt::format("{}-{}", o.uid, j + 1);
        e.kind = Entry::Kind::obligation;
        e.rule = o.rule;
        e.channel = channel.id;
        e.gift = a.gift;
        e.in_person = channel.in_person;
        e.tag = o.tag;
        const compliance::Said head =
            compliance::say(N_("{} {}{}: {}"), o.name, o.date.iso(), o.person.empty() ? "" : " " + o.person,
                            rules.action_text(a));
        const compliance::Said what =
            o.note_required ? compliance::say(N_("{} with a personal note"), head) : head;
        e.what = what.shown;
        e.what_en = what.english;
        e.from = std::max(o.from, in.from);
        e.to = o.to;
        if (o.state == occasions::State::overdue) {
            e.from = o.from;
            work.name(e, customer);
            work.missed.push_back({std::move(e), Missed::Why::overdue, o.to.plus_days(rules.overdue_days)});
            continue;
        }
        Task t;
        t.key = e.uid;
        t.rank = tier_rank;
        t.customer = customer;
        t.channel = a.channel;
        t.in_person = e.in_person;
        t.any_day = !e.in_person;
        t.obligation = true;
        t.per_day = channel.same_day_limit;
        t.from = e.from - in.from;
        t.to = e.to - in.from;
        // visits as soon as the window opens; greetings on the day itself
        const core::Date ideal = e.in_person ? e.from : std::clamp(o.date, e.from, e.to);
        t.ideal = ideal - in.from;
        work.add(std::move(t), std::move(e), customer);
    }
}

// The working days of `month` a customer is active on (the rules' own, so that the spread does not move
// when a plan changes its days off).
std::vector<core::Date> month_workdays(const rules::Rules& rules, core::Month month, core::Date first,
                                       core::Date last) {
    std::vector<core::Date> days;
    for (core::Date d = std::max(first, month.first()); d <= std::min(last, month.last()); d = d.plus_days(1))
        if (rules.workday(d)) days.push_back(d);
    return days;
}

// The tasks of one customer's channel still owed in `month`: contacts k = required − owed + 1 … required,
// contact k on the working day at ((k − 1 + phase) / required) of the month, phase being its area's.
void quota_tasks(const compliance::CustomerResult& c, const compliance::ChannelResult& ch, core::Month month,
                 int customer, int owed, const Inputs& in, Work& work) {
    const rules::Rules& rules = *in.rules;
    const store::Customer& who = in.customers[static_cast<size_t>(customer)];
    const core::Date first = who.opened_on ? std::max(*who.opened_on, month.first()) : month.first();
    const core::Date last = who.closed_on ? std::min(*who.closed_on, month.last()) : month.last();
    const core::Date from = std::max(first, in.from);
    if (last < from) return;
    const std::vector<core::Date> spread = month_workdays(rules, month, first, last);
    const double phase = in.phase[static_cast<size_t>(customer)];
    const rules::Channel& channel = rules.channels[static_cast<size_t>(ch.channel)];
    for (int k = ch.required - owed + 1; k <= ch.required; ++k) {
        Entry e;
        e.uid = fmt::format("quota-{}-{}-{}-{}", c.code, channel.id, month.iso(), k);
        e.kind = Entry::Kind::quota;
        e.rule = channel.rule.empty() ? "quota" : channel.rule;
        e.channel = channel.id;
        e.in_person = channel.in_person;
        const bool chinese = core::language() == core::Language::chinese && !channel.short_label.empty();
        const compliance::Said what = compliance::say(
            N_("{} {} of {}"), compliance::Said{channel.id, chinese ? channel.short_label : channel.id}, k,
            ch.required);
        e.what = what.shown;
        e.what_en = what.english;
        e.from = from;
        e.to = last;
        const size_t at = static_cast<size_t>(
            std::floor((k - 1 + phase) * static_cast<double>(spread.size()) / ch.required));
        const core::Date ideal =
            spread.empty() ? from : std::clamp(spread[std::min(at, spread.size() - 1)], from, last);
        Task t;
        t.key = e.uid;
        t.rank = 100 + std::max(0, rules.tier_index(c.tier));
        t.customer = customer;
        t.channel = ch.channel;
        t.in_person = e.in_person;
        t.per_day = channel.same_day_limit;
        t.from = from - in.from;
        t.to = last - in.from;
        t.ideal = ideal - in.from;
        work.add(std::move(t), std::move(e), customer);
    }
}

} // namespace

void Work::name(Entry& entry, int customer) const {
    const store::Customer& c = in->customers[static_cast<size_t>(customer)];
    entry.area = in->areas[static_cast<size_t>(customer)];
    entry.customer_code = c.code;
    entry.customer_name = c.name;
    entry.tier = c.tier;
}

void Work::add(Task task, Entry entry, int customer) {
    name(entry, customer);
    tasks.push_back(std::move(task));
    entries.push_back(std::move(entry));
}

void add_obligations(const std::vector<occasions::Obligation>& obligations, const Inputs& in, Work& work) {
    for (const auto& o : obligations) {
        const auto it = in.index_of.find(o.customer_id);
        if (it == in.index_of.end()) continue;
        if (o.state != occasions::State::open && o.state != occasions::State::upcoming &&
            o.state != occasions::State::overdue)
            continue;
        obligation_tasks(o, it->second, in, work);
    }
}

void add_quotas(const compliance::MonthResult& month, const Inputs& in, Work& work) {
    // what obligations already plan on each customer's channel this month counts toward its quota too
    std::map<std::pair<int, int>, int> planned;
    for (const auto& t : work.tasks)
        if (core::Month::of(in.from.plus_days(t.ideal)) == month.month) ++planned[{t.customer, t.channel}];
    for (const auto& c : month.customers) {
        const auto it = in.index_of.find(c.id);
        if (it == in.index_of.end()) continue;
        for (const auto& ch : c.channels) {
            const int owed = ch.required - ch.done - planned[{it->second, ch.channel}];
            if (owed > 0) quota_tasks(c, ch, month.month, it->second, owed, in, work);
        }
    }
}

} // namespace keqing::plan
