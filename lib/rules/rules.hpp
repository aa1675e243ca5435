// The company's contact rules (SPEC §2): channels, tiers and their monthly quotas, and the lateness
// policy, loaded from TOML and validated so that a bad file is rejected with file:line.
#pragma once

#include "calendar/recurring.hpp"
#include "core/result.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::rules {

// A way of contacting a customer (visit, call, message, third_party …).
struct Channel {
    std::string id;
    std::string label;
    std::string
        short_label; // a column header's few characters ("短信/QQ/微信/email" → "消息"); the label if unset
    std::string rule;       // the quota rule it implements ("R1"); may be empty
    bool in_person = false; // a visit: it has the per-visit checklist (R12–R17) and counts toward busy days
    // How many contacts of this channel with one customer on one day are ordinary; more are listed as
    // possible duplicates (a second visit the same day is suspicious, a second message is not). 0: never.
    int same_day_limit = 1;
};

// A customer tier and its monthly quota per channel (0 where the tier lists none).
struct Tier {
    std::string id;
    std::string label;
    std::vector<int> quota; // indexed like Rules::channels
};

// One contact an obligation asks for: a channel, with a gift or not ("visit+gift").
struct Action {
    int channel = 0; // index into Rules::channels
    bool gift = false;
    friend bool operator==(const Action&, const Action&) = default;
};

// Who must make an obligation's actions, and how (亲自, "personally": R7, R8, R11). A contact that does not
// qualify fulfils nothing, and is reported as not counted.
struct Who {
    bool assigned = false;  // by = "assigned": the rep assigned to the customer on the contact's day
    bool in_person = false; // in_person = true: on an in-person channel
    friend bool operator==(const Who&, const Who&) = default;
};

// A dated occasion every customer shares (R4, R5: festivals), with per-tier actions and a window of days
// around its date.
struct Occasion {
    std::string id;
    std::string name;
    std::string rule; // the rule it implements, for reminders ("R4"); may be empty
    calendar::Recurring date;
    int before = 0;
    int after = 0;
    std::vector<std::vector<Action>> actions; // indexed like Rules::tiers; empty = nothing asked
    Who who;
};

// A personal occasion kind (R6 birthday, R7 wedding / birth / anniversary, R8 bereavement / illness /
// accident): the same actions for every tier.
struct EventKind {
    std::string kind;
    std::string name;
    std::string rule; // "R6", "R7", "R8"; may be empty
    int before = 0;
    int after = 0;
    std::vector<Action> actions;
    bool note_required = false; // R6: a personalised message
    Who who;
    bool yearly = false;     // recorded events of this kind come back every year on their day (anniversaries)
    bool on_opening = false; // on = "opened_on": every customer's opening day, each year after it opened
    // Words that, in a contact's family note (R15) or note, propose an event of this kind (log-visit and
    // remind show it with the command that records it; occasions/intel.hpp). Recorded kinds only.
    std::vector<std::string> words;

    // Whether `roster event add` records this kind (not birthdays, which come from people, nor a kind
    // dated by the customers' opening days).
    bool recorded() const;
};

// Rep-level monthly goals (R9–R11).
struct Goals {
    int asked_help = 5;              // R9: times a month the rep asks customers for help
    std::vector<int> solved;         // R10: problems solved per customer a month, indexed like tiers
    std::string training_tier = "A"; // R11: formal training at …
    int training_customers = 1;      // … this many customers of that tier a month
    Who training_who{true, false};   // who must give the training (by default the rep itself), and how
};

// A kind of follow-up item (issue 18): what a contact opens and a later one closes — a promise, a problem, a
// slow mover, a complaint.
struct FollowUpKind {
    std::string kind;   // "promise", "problem", "slow-mover", "complaint" (what log-visit's options open)
    std::string name;   // 承诺, 问题 …
    std::string rule;   // where the seeds ask for it ("R10", "R17", "seed 003"); may be empty
    int due_days = 7;   // due this many days after it was opened, unless --due names a day
    std::string closes; // the log-visit option that closes it as done: "kept", "solved", or "" (--close only)
    // The steps an item of this kind goes through after it is recorded, in order (a complaint, seed 002:
    // 判定 … 总结); `roster complaint step` records them one at a time and the last one closes it as done.
    // Empty: a kind without steps.
    std::vector<std::string> steps;
};

// A stage of the relationship with a customer (seed 000 §3.2.4, 客户关系周期: 突破期 … 暂停期), in the
// rules' order. A customer's stage has effective-dated history, like its tier.
struct Stage {
    std::string id;      // "breakthrough" …: what is stored
    std::string name;    // 突破期 …: what people read and may type
    std::string meaning; // one line on what the stage is; may be empty
    // Other words that name it (older files: prospect, new, developing, stable, key); never stored.
    std::vector<std::string> aliases;
};

// What a customer's file should hold (issue 18 item 3; seed 003, R6): a person in one of the key roles,
// people's birthdays and personalities, visit intel (R12–R17) within `intel_months`.
struct Gaps {
    std::vector<std::string>
        key_roles;        // a person whose role contains one of these (店长, 采购); none: not checked
    int intel_months = 0; // 0: not checked
    int remind_every_days = 7; // remind names a customer's gaps at most this often
};

// A validated rule set.
struct Rules {
    std::vector<Channel> channels;
    std::vector<Tier> tiers;
    std::vector<Occasion> occasions;
    std::vector<EventKind> events;
    Goals goals;
    std::vector<FollowUpKind> followups; // [[followup]]; the built-in ones when a rules file names none
    Gaps gaps;                           // [gaps]; the built-in one when a rules file has none
    std::vector<Stage> stages;           // [[stage]]; the built-in ones when a rules file names none
    int late_after_days = 3;
    bool count_late = true;
    int overdue_days = 7;        // after an obligation's window closes, it is overdue this long, then missed
    int max_visits_per_day = 12; // more visits by one rep in a day are flagged as implausible
    // remind lists every unmet quota on the month's last day (a closing customer's: its closing day) and
    // on this many days before it
    int deadline_days = 5;
    // plan: the weekdays a rep works (Monday first; Monday to Friday by default) and the days off whatever
    // their weekday (sorted)
    std::array<bool, 7> workdays{true, true, true, true, true, false, false};
    std::vector<core::Date> holidays;
    int undo_hours = 24; // log-visit --undo voids a contact logged at most this many hours ago
    std::string source;  // where it was loaded from, for messages

    // Whether a rep works on `d` (workdays, holidays).
    bool workday(core::Date d) const;
    // Index of a channel id, or -1.
    int channel_index(std::string_view id) const;
    // Whether the channel with this id is made in person (false for an unknown id).
    bool in_person(std::string_view channel) const;
    // The ids of the in-person channels.
    std::vector<std::string> in_person_channels() const;
    // Each channel's same_day_limit, by id.
    std::vector<std::pair<std::string, int>> same_day_limits() const;
    // The channel a contact is logged on when none is named: the first in-person one, else the first.
    const std::string& default_channel() const;
    // The tier with this id, or nullptr.
    const Tier* tier(std::string_view id) const;
    // Index of a tier id, or -1.
    int tier_index(std::string_view id) const;
    const Occasion* occasion(std::string_view id) const;
    const EventKind* event(std::string_view kind) const;
    const FollowUpKind* followup(std::string_view kind) const;
    // The stage written `text`: its id or an alias (ASCII case ignored), or its name; nullptr when none is.
    const Stage* stage(std::string_view text) const;
    // "breakthrough (突破期), consolidation (巩固期), …", for "expected one of …" messages.
    std::string stage_ids() const;
    // "visit+gift"-style text of an action.
    std::string action_text(const Action& action) const;
    // What `who` asks for, for people, in English and marked for the catalog (core::tr it to show it): "the
    // assigned rep in person", "the assigned rep", "a contact in person"; "anyone" when it asks nothing.
    static const char* who_text(const Who& who);
    // Comma-separated event kinds that `roster event add` records (EventKind::recorded).
    std::string event_kinds() const;
    // Indexes of channels some tier has a quota for, in channel order: the columns of a quota report.
    std::vector<int> quota_channels() const;
    // Comma-separated ids, for "expected one of …" messages.
    std::string channel_ids() const;
    std::string tier_ids() const;
};

// Monday = 0 … Sunday = 6.
int weekday_of(core::Date d);
// Weekdays written "mon-fri", "mon,wed,sat" or "mon-thu,sat" (Monday first); `what` names it in errors.
Result<std::array<bool, 7>> parse_weekdays(std::string_view text, std::string_view what);

// The text of the built-in schemas/rules.toml (embedded at build time).
std::string_view builtin_rules_text();
// Parses and validates rules TOML; `source` names it in errors (`source:line: …`).
Result<Rules> parse_rules(std::string_view text, std::string_view source);
// Loads rules from a file, or the built-in rules when `path` is empty.
Result<Rules> load_rules(const std::string& path);

} // namespace keqing::rules
