// The plan's scheduler: contacts to make (tasks, each with a window and a preferred day) put on days —
// in-person ones never more than a day's limit, never on a day off, one per customer a day — the most
// important first when not all fit (docs/DECISIONS.md, "plan's day"). Pure: no store, unit-tested alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace keqing::plan {

// One contact to make. Days are indexes into the planned days (0 = the plan's first day).
struct Task {
    std::string key;  // stable across runs and days: the calendar UID and the order of last resort
    int rank = 0;     // importance, lower first: obligations before quotas, A before B before C
    int customer = 0; // index of the customer (one in-person task per customer a day)
    int channel = 0;  // index of the channel (one task per customer and channel a day)
    bool in_person = false;
    bool any_day = false;    // may fall on a day off (a birthday message due on a Sunday), never skipped days
    int from = 0, to = 0;    // window, both included
    int ideal = 0;           // preferred day, in the window
    bool obligation = false; // goes before quota tasks on the day it is preferred
    int per_day = 1;         // tasks of one customer and channel a day, when not in person
};

// Where each task went: a day, or why none.
enum class Unplaced { none, no_day, no_room };
struct Placement {
    int day = -1; // -1: not planned
    Unplaced why = Unplaced::none;
};

// The days and limits a schedule works with.
struct Calendar {
    std::vector<bool> workday;             // per day
    std::vector<std::vector<int>> skipped; // per day: customers not to contact that day
    int max_in_person = 12;                // in-person tasks a day
    bool skips(int day, int customer) const;
};

// Places every task it can (one entry per task, same order). In-person tasks are kept by importance when the
// days cannot hold them all (a less important one never pushes out a more important one), and each goes on
// its preferred day when there is room and the rest still fit, later when not, earlier only when the rest
// would not fit otherwise; the same tasks always give the same days. Other tasks go on their preferred day,
// or the nearest working day of their window that is free for their customer and channel.
std::vector<Placement> schedule(const std::vector<Task>& tasks, const Calendar& calendar);

} // namespace keqing::plan
