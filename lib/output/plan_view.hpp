// plan's outputs: the days as tables (plain for a terminal or mail, markdown), JSON
// (schemas/plan.schema.json) and iCalendar (RFC 5545) with a stable UID per planned contact, so that a
// calendar updates in place.
#pragma once

#include "plan/plan.hpp"

#include <string>

namespace keqing::output {

enum class PlanFormat { table, markdown, json, ics };

// The file name extension of a plan format (plan --output-dir): txt, md, json or ics.
const char* plan_extension(PlanFormat format);
// One rep's plan in a format.
std::string render_plan(const plan::Plan& plan, PlanFormat format);

} // namespace keqing::output
