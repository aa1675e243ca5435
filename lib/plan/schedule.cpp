// The plan's scheduler: earliest-deadline-first to decide what fits, then each in-person task on its
// preferred day unless the rest would no longer fit; other tasks on their preferred day or the nearest free
// one.
#include "plan/schedule.hpp"

#include <algorithm>
#include <tuple>

namespace keqing::plan {

bool Calendar::skips(int day, int customer) const {
    if (day < 0 || static_cast<size_t>(day) >= skipped.size()) return false;
    const auto& list = skipped[static_cast<size_t>(day)];
    return std::find(list.begin(), list.end(), customer) != list.end();
}

namespace {

class Scheduler {
  public:
    Scheduler(const std::vector<Task>& tasks, const Calendar& calendar)
        : tasks_(tasks), calendar_(calendar), days_(static_cast<int>(calendar.workday.size())) {
        int customers = 0;
        for (const auto& t : tasks)
            customers = std::max(customers, t.customer + 1);
        seen_.assign(static_cast<size_t>(customers), -1);
        left_.assign(static_cast<size_t>(customers), 0);
    }

    bool eligible(int t, int day) const {
        const Task& k = tasks_[static_cast<size_t>(t)];
        return day >= k.from && day <= k.to && calendar_.workday[static_cast<size_t>(day)] &&
               !calendar_.skips(day, k.customer);
    }
    bool any_day_for(int t) const {
        for (int d = std::max(0, task(t).from); d <= task(t).to && d < days_; ++d)
            if (eligible(t, d)) return true;
        return false;
    }
    const Task& task(int t) const { return tasks_[static_cast<size_t>(t)]; }
    // Earliest deadline first, then importance, then key.
    bool sooner(int a, int b) const {
        return std::tie(task(a).to, task(a).rank, task(a).key) <
               std::tie(task(b).to, task(b).rank, task(b).key);
    }

    // Whether `pending` fits from day `start` on: each day, earliest deadline first and, among equal
    // deadlines, the customers with the most tasks left (they need the most days); `first` gets what goes on
    // `start`.
    bool fits(const std::vector<int>& pending, int start, std::vector<int>* first = nullptr) {
        std::vector<char> done(pending.size(), 0);
        for (const int t : pending)
            left_[static_cast<size_t>(task(t).customer)] = 0;
        for (const int t : pending)
            ++left_[static_cast<size_t>(task(t).customer)];
        size_t remaining = pending.size();
        std::vector<size_t> open;
        for (int d = start; remaining > 0; ++d) {
            if (d >= days_) return false;
            open.clear();
            for (size_t i = 0; i < pending.size(); ++i) {
                if (done[i]) continue;
                if (task(pending[i]).to < d) return false;
                if (eligible(pending[i], d)) open.push_back(i);
            }
            std::sort(open.begin(), open.end(), [&](size_t a, size_t b) {
                const Task &x = task(pending[a]), &y = task(pending[b]);
                const int lx = left_[static_cast<size_t>(x.customer)],
                          ly = left_[static_cast<size_t>(y.customer)];
                return std::tie(x.to, ly, x.rank, x.key) < std::tie(y.to, lx, y.rank, y.key);
            });
            int picked = 0;
            const int mark = ++round_;
            for (const size_t i : open) {
                if (picked == calendar_.max_in_person) break;
                const auto c = static_cast<size_t>(task(pending[i]).customer);
                if (seen_[c] == mark) continue;
                seen_[c] = mark;
                done[i] = 1;
                --remaining;
                ++picked;
                if (first && d == start) first->push_back(pending[i]);
            }
            for (const size_t i : open) // those picked today: `open` held none picked before
                if (done[i]) --left_[static_cast<size_t>(task(pending[i]).customer)];
        }
        return true;
    }

  private:
    const std::vector<Task>& tasks_;
    const Calendar& calendar_;
    int days_;
    std::vector<int> seen_; // per customer: the simulated day it was last given a task (no clearing needed)
    std::vector<int> left_; // per customer: its tasks not yet placed in the current simulation
    int round_ = 0;
};

// Keeps the in-person tasks that fit, most important first; marks the others.
std::vector<int> keep_what_fits(Scheduler& s, std::vector<int> wanted, std::vector<Placement>& out) {
    std::sort(wanted.begin(), wanted.end(), [&s](int a, int b) {
        return std::tie(s.task(a).rank, s.task(a).to, s.task(a).key) <
               std::tie(s.task(b).rank, s.task(b).to, s.task(b).key);
    });
    std::vector<int> possible;
    for (const int t : wanted) {
        if (s.any_day_for(t))
            possible.push_back(t);
        else
            out[static_cast<size_t>(t)].why = Unplaced::no_day;
    }
    if (s.fits(possible, 0)) return possible;
    std::vector<int> kept;
    for (const int t : possible) {
        kept.push_back(t);
        if (!s.fits(kept, 0)) {
            kept.pop_back();
            out[static_cast<size_t>(t)].why = Unplaced::no_room;
        }
    }
    return kept;
}

// Puts the kept in-person tasks on days: preferred day first, earlier only when the rest would not fit.
void place_in_person(Scheduler& s, const Calendar& calendar, std::vector<int> left,
                     std::vector<Placement>& out) {
    const int days = static_cast<int>(calendar.workday.size());
    for (int d = 0; d < days && !left.empty(); ++d) {
        std::vector<int> open;
        for (const int t : left)
            if (s.eligible(t, d)) open.push_back(t);
        std::sort(open.begin(), open.end(), [&s](int a, int b) { return s.sooner(a, b); });
        std::vector<int> today, customers;
        auto take = [&](int t) {
            if (static_cast<int>(today.size()) >= calendar.max_in_person) return false;
            if (std::find(customers.begin(), customers.end(), s.task(t).customer) != customers.end())
                return false;
            if (std::find(today.begin(), today.end(), t) != today.end()) return false;
            today.push_back(t);
            customers.push_back(s.task(t).customer);
            return true;
        };
        std::vector<int> due; // preferred by today: obligations first, then earliest deadline
        for (const int t : open)
            if (s.task(t).ideal <= d) due.push_back(t);
        std::stable_sort(due.begin(), due.end(),
                         [&s](int a, int b) { return s.task(a).obligation && !s.task(b).obligation; });
        for (const int t : due)
            take(t);
        auto rest = [&] {
            std::vector<int> r;
            for (const int t : left)
                if (std::find(today.begin(), today.end(), t) == today.end()) r.push_back(t);
            return r;
        };
        size_t next = 0;
        while (!s.fits(rest(), d + 1)) {
            while (next < open.size() && !take(open[next]))
                ++next;
            if (next < open.size()) continue;
            today.clear(); // cannot happen while the kept tasks fit; earliest deadline first always does
            s.fits(left, d, &today);
            break;
        }
        for (const int t : today)
            out[static_cast<size_t>(t)].day = d;
        left = rest();
    }
}

// Puts a task that is not in person on its preferred day, else the nearest free working day of its window
// (a day off when it may fall on one and no working day is free).
void place_other(const Task& t, const Calendar& calendar, std::vector<std::vector<std::pair<int, int>>>& used,
                 Placement& out) {
    const int days = static_cast<int>(calendar.workday.size());
    auto free_on = [&](int d, bool any) {
        if (d < t.from || d > t.to || d < 0 || d >= days) return false;
        if (calendar.skips(d, t.customer) || (!any && !calendar.workday[static_cast<size_t>(d)]))
            return false;
        const auto& u = used[static_cast<size_t>(d)];
        return std::count(u.begin(), u.end(), std::pair(t.customer, t.channel)) < std::max(1, t.per_day);
    };
    for (const bool any : {false, true}) {
        if (any && !t.any_day) break;
        for (int step = 0; step <= t.to - t.from; ++step)
            for (const int d : {t.ideal + step, t.ideal - step})
                if (free_on(d, any)) {
                    out.day = d;
                    used[static_cast<size_t>(d)].emplace_back(t.customer, t.channel);
                    return;
                }
    }
    out.why = Unplaced::no_day;
}

} // namespace

std::vector<Placement> schedule(const std::vector<Task>& tasks, const Calendar& calendar) {
    std::vector<Placement> out(tasks.size());
    Scheduler s(tasks, calendar);
    std::vector<int> in_person, other;
    for (size_t i = 0; i < tasks.size(); ++i)
        (tasks[i].in_person ? in_person : other).push_back(static_cast<int>(i));
    place_in_person(s, calendar, keep_what_fits(s, in_person, out), out);
    std::sort(other.begin(), other.end(), [&s](int a, int b) {
        return std::tie(s.task(a).rank, s.task(a).to, s.task(a).key) <
               std::tie(s.task(b).rank, s.task(b).to, s.task(b).key);
    });
    std::vector<std::vector<std::pair<int, int>>> used(calendar.workday.size());
    for (const int t : other)
        place_other(tasks[static_cast<size_t>(t)], calendar, used, out[static_cast<size_t>(t)]);
    return out;
}

} // namespace keqing::plan
