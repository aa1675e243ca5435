// Roster imports that can run again: customers, reps, people and life events from CSV, each row matched
// with what is stored by its key — added when new, unchanged when the same, and when it differs refused
// unless the import updates — every row checked before any is kept, all in one transaction.
#pragma once

#include "core/date.hpp"
#include "core/import.hpp"
#include "rules/rules.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace keqing::roster {

using core::ImportOptions;
using core::ImportSummary;

// customers.csv (code,name,tier,rep + optional opened_on,closed_on,phone,address,stage), by code. Only
// the columns the file has are compared and changed; a blank field in a present column is a value.
Result<ImportSummary> import_customers(store::Store& store, const rules::Rules& rules,
                                       const std::string& path, const ImportOptions& options);
// reps.csv (id + optional name,team), by id.
Result<ImportSummary> import_reps(store::Store& store, const std::string& path, const ImportOptions& options);
// people.csv (customer,name + optional role,birthday,preferences,family,personality,note), by customer
// and name.
Result<ImportSummary> import_people(store::Store& store, const std::string& path,
                                    const ImportOptions& options);
// events.csv (customer,kind,date + optional person,note), by customer, kind, date and person.
Result<ImportSummary> import_events(store::Store& store, const rules::Rules& rules, const std::string& path,
                                    const ImportOptions& options);

} // namespace keqing::roster
