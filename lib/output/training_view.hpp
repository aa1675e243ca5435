// Training records (roster/training.hpp) as a table, CSV (`id,customer,date,rep,topic,in_person,attendees,
// note`) and JSON for `roster training list`, and as the card's lines.
#pragma once

#include "output/quota_view.hpp"
#include "store/store.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace keqing::output {

// People's names by id, for the attendees (an id missing here is shown as #id).
using PersonNames = std::unordered_map<int64_t, std::string>;

std::string render_trainings(const std::vector<store::Training>& trainings, const PersonNames& names,
                             Format format);
// The card's lines: "  #3 2026-11-18 药品知识 · in person · wang · 张丽, 刘建国".
std::string training_lines(const std::vector<store::Training>& trainings, const PersonNames& names);

} // namespace keqing::output
