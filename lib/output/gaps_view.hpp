// What customers' files lack (roster/gaps.hpp; its gap_text says each for people) as a table, CSV
// (`code,name,rep,gap,people`) and JSON for `roster gaps`.
#pragma once

#include "output/quota_view.hpp"
#include "roster/gaps.hpp"

#include <string>
#include <vector>

namespace keqing::output {

std::string render_gaps(const std::vector<roster::CustomerGaps>& customers, const rules::Rules& rules,
                        core::Date as_of, Format format);

} // namespace keqing::output
