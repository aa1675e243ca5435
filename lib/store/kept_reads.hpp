// What a later read asks of a rep's people and life events, taken from those kept for the whole read
// (store/pg_reads.cpp): the same rows, fields and order the SQL store's read would give. Private to
// lib/store.
#pragma once

#include "store/kept_rows.hpp"
#include "store/types.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace keqing::store {

// The people of the customers `ids` (sorted; empty: all), in the kept order (people_of's: code, then id).
std::vector<Person> people_among(const std::vector<Person>& people, const std::vector<int64_t>& ids);
// birthdays_of's rows (rows::birthday: id, customer, name, birthday) of the people with a birthday, written
// in one of `months` when given (may_fall_in).
std::vector<Person> birthdays_among(const std::vector<Person>& people, const BirthdayMonths* months);
// events_of's rows: the events of the customers `ids` (sorted; empty: all) from `from` through `to`, of
// `kinds` (empty: every kind), in the kept order (by day, then id).
std::vector<LifeEvent> events_among(const std::vector<LifeEvent>& events, core::Date from, core::Date to,
                                    const std::vector<int64_t>& ids, const std::vector<std::string>& kinds);

// Visits the kept contacts' facts — scan_contacts' columns (customer_id, channel, rep_id, flags, lag,
// happened_on, id) and order — from `from` through `to` at the customers `ids` (sorted), logged at most
// `max_lag` days late when given, as a pass over contacts visits them.
void scan_among(const KeptRows& rows, core::Date from, core::Date to, const std::vector<int64_t>& ids,
                std::optional<int64_t> max_lag, const std::function<void(const ContactFacts&)>& visit);

// The kept customers `ids` (sorted; empty: all) of customer_histories' rows (id, code, name first), each
// once, as a JSON list of {"id", "code", "name"} objects in the kept order — the customers a read joins
// (json_to_recordset) instead of reading them again.
std::string customers_json(const KeptRows& rows, const std::vector<int64_t>& ids);

} // namespace keqing::store
