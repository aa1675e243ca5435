// The obligations engine (R4–R8): every festival, birthday and life-event obligation per customer for a
// period, with its window, status and the contacts that satisfied it; and the choice of which
// obligation a new contact is tagged with.
#pragma once

#include "rules/rules.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace keqing::occasions {

// upcoming: the window has not opened; open: it is open; done: every action was made inside it;
// overdue: it closed less than overdue_days ago; missed: later than that; done_late: every action was
// made, some of them within overdue_days after the window closed (a late condolence visit is still made).
enum class State { upcoming, open, done, overdue, missed, done_late };
inline constexpr size_t kStates = 6;
std::string_view to_string(State s);
// For people: "done late" for done_late, else to_string.
std::string_view display(State s);

// A contact tagged for an obligation, inside its window (or the overdue days after), that fulfils nothing:
// made by another rep than the one assigned when the rule says by = "assigned", on a channel not in person
// when it says in_person = true, or logged late when the rules say count_late = false.
struct NotCounted {
    enum class Why { other_rep, not_in_person, logged_late };
    Why why = Why::other_rep;
    int64_t contact = 0;
    std::string rep, channel;
    core::Date date;
    std::string assigned; // other_rep: the rep assigned to the customer on the contact's day
    int days_late = 0;    // logged_late: days between the contact and its logging
};
std::string_view to_string(NotCounted::Why why);

struct Obligation {
    // event: a recorded life event (again each year when its kind is yearly); opening: an anniversary of
    // the customer's opening day
    enum class Source { occasion, birthday, event, opening };
    Source source = Source::occasion;
    std::string tag;  // what satisfying contacts carry: occasion id, "birthday:<person>", "event:<event>"
    std::string uid;  // stable across runs: tag, date and customer (calendar UIDs, de-duplication)
    std::string kind; // occasion id or event kind
    std::string name; // 中秋节, 生日, 结婚 …
    std::string rule; // R4 … R8
    std::string person;
    int64_t person_id = 0;
    int64_t customer_id = 0;
    std::string customer_code, customer_name, tier, rep;
    core::Date date, from, to; // the day itself and the window [from, to]
    std::vector<rules::Action> actions;
    std::vector<int64_t> satisfied_by; // per action: the contact id, 0 while not made
    bool note_required = false;
    rules::Who who; // who must make the actions, and how
    State state = State::upcoming;
    std::vector<NotCounted> not_counted; // tagged contacts that did not qualify, oldest first

    // Actions still to make.
    std::vector<rules::Action> outstanding() const;
};
// An obligation's uid: its tag, day and customer code.
std::string uid_of(const Obligation& o);

// Obligations listed one at a time: a vector's, or ones kept compactly and rebuilt one by one (the
// report's missed ones).
class Listing {
  public:
    // What a listing for people is ordered by.
    struct Key {
        State state;
        core::Date date;
        std::string_view customer_code;
    };
    virtual ~Listing() = default;
    virtual size_t size() const = 0;
    // The i-th obligation: a reference to one kept whole, or `scratch` filled in.
    virtual const Obligation& at(size_t i, Obligation& scratch) const = 0;
    virtual Key key(size_t i) const = 0;
};
// A vector of obligations as a Listing.
class VectorListing : public Listing {
  public:
    explicit VectorListing(const std::vector<Obligation>& list) : list_(list) {}
    size_t size() const override { return list_.size(); }
    const Obligation& at(size_t i, Obligation&) const override { return list_[i]; }
    Key key(size_t i) const override { return {list_[i].state, list_[i].date, list_[i].customer_code}; }

  private:
    const std::vector<Obligation>& list_;
};

// Every obligation whose window meets [from, to], evaluated as of the end of `as_of` (a tagged contact
// counts when it lies in the window or up to rules.overdue_days after it: then the obligation is done late;
// and only when it qualifies — see NotCounted), sorted by window end, then customer code. Festivals use the
// tier and rep in effect on their day; a customer must be active on the day of the obligation (a life event's
// own day excepted). Events of a yearly kind come back on their day each year after the one recorded, and a
// kind dated by opening days gives each customer one on each anniversary of its opening. `filter` narrows
// the customers considered (one code, a rep's, a team's).
Result<std::vector<Obligation>> obligations(store::Store& store, const rules::Rules& rules, core::Date from,
                                            core::Date to, core::Date as_of, const store::Scope& filter = {});

// A part [from, to] of a range that starts on `range_first`, read on its own so that a long range's
// obligations need not be held at once: it has the range's obligations whose window's first day inside the
// range lies in the part (each of the range's obligations is in exactly one of its parts), with the
// customers of birthdays, life events and anniversaries as they stand on the range's reference day.
struct Part {
    core::Date range_first, from, to;
    core::Date reference; // obligations() over the whole range: as_of, within the range
    // The whole range [from, to] as one part.
    static Part whole(core::Date from, core::Date to, core::Date as_of);
    // Whether an obligation whose window opens on `window_from` (and meets the part) belongs to it.
    bool holds(core::Date window_from) const { return std::max(window_from, range_first) >= from; }
};
// obligations() of one part of a range (sorted the same way within the part).
Result<std::vector<Obligation>> obligations(store::Store& store, const rules::Rules& rules, const Part& part,
                                            core::Date as_of, const store::Scope& filter = {});
// The same obligations, of `customers` (sorted ids) only, handed to `take` a slice at a time (some
// thousands, in no set order), each slice evaluated and then let go: a national range's festivals are
// hundreds of thousands a day, and the customers of a festival are read a slice at a time too.
// `which`: the festivals', the birthdays', the life events', the opening anniversaries' obligations, or all —
// reads that the two connections of a shared read can make side by side.
using Take = std::function<void(std::vector<Obligation>&)>;
enum class Which { festivals, birthdays, events, openings, all };
Result<void> each_obligation(store::Store& store, const rules::Rules& rules, const Part& part,
                             core::Date as_of, const std::vector<int64_t>& customers, const Take& take,
                             Which which = Which::all);

// The tag a new contact gets. With `requested` (an occasion id, event kind, "birthday" or a full tag)
// it must name an obligation of that customer whose window, or the overdue_days after it, holds the
// contact's date (it is tagged even when it cannot count: then the obligation's not_counted says why);
// without it, the one obligation the contact fits (window, channel, gift, note) and may fulfil (the rule's
// rep and channel; lateness aside) is chosen automatically — an open one, else one whose window closed at
// most overdue_days before; of several, the most urgent (its window closes first), unless two close on the
// same day: then none is chosen and `candidates` lists them.
struct TagChoice {
    std::string tag;  // empty: untagged
    std::string name; // of the chosen obligation
    bool automatic = false;
    bool late = false; // the contact is after the obligation's window (it will be done late)
    std::vector<std::string> candidates; // when several fitted equally and none was chosen
    std::vector<std::string> others;     // chosen automatically as the most urgent: the others it fitted
};
Result<TagChoice> choose_tag(store::Store& store, const rules::Rules& rules, const store::Contact& contact,
                             const std::string& requested);

} // namespace keqing::occasions
