// The store as a pass over a range's contacts: what compliance::activity() needs to add a month up and
// find the late, duplicated and voided ones — small enough that a unit test can fake it in memory.
#pragma once

#include "core/result.hpp"
#include "store/types.hpp"

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keqing::store {

class ScanStore {
  public:
    virtual ~ScanStore() = default;

    // One pass over the contacts of [from, to] in `scope`, voided ones left out, each handed to `visit`:
    // everyone's in the order of the contacts_month index (month, customer, channel, day, rep), a narrower
    // scope's by day, customer, channel and rep (compliance/activity.hpp adds them up).
    virtual Result<void> scan_contacts(core::Date from, core::Date to, const Scope& scope,
                                       ScanOptions options,
                                       const std::function<void(const ContactFacts&)>& visit) = 0;
    // The contacts with these ids among those of [from, to], by day and id.
    virtual Result<std::vector<Contact>> contacts_with_ids(core::Date from, core::Date to,
                                                           const std::vector<int64_t>& ids) = 0;
    // The codes of the customers with these ids.
    virtual Result<std::unordered_map<int64_t, std::string>>
    customer_codes(const std::vector<int64_t>& ids) = 0;
    // The lowest and the highest customer id, (0, 0) when there are no customers.
    virtual Result<std::pair<int64_t, int64_t>> customer_id_span() = 0;
    // The voided contacts of [from, to] (at most `limit`, oldest first), with the whole count; a non-empty
    // `team` keeps contacts logged by that team's reps.
    virtual Result<Voided> voided_contacts(core::Date from, core::Date to, int limit,
                                           const std::string& team) = 0;
};

} // namespace keqing::store
