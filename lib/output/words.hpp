// Words the views share for people: a channel as a person reads it in the current language (the rules'
// own short label in Chinese — the company's text — and its id in English, as keqing always showed it).
#pragma once

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "rules/rules.hpp"

#include <string>
#include <string_view>

namespace keqing::output {

// A channel inside a sentence: "visit" in English, "拜访" (the rules' short label) in Chinese.
inline const std::string& channel_word(const rules::Channel& channel) {
    if (core::language() == core::Language::chinese && !channel.short_label.empty())
        return channel.short_label;
    return channel.id;
}
// A channel's column header: "VISIT" in English, "拜访" in Chinese.
inline std::string channel_header(const rules::Channel& channel) {
    if (core::language() == core::Language::chinese && !channel.short_label.empty())
        return channel.short_label;
    return core::to_upper_ascii(channel.id);
}

// An action of an obligation for people: its channel as channel_word says it, "+gift" translated
// ("visit+gift", "拜访+礼品"); rules::Rules::action_text is the id JSON keeps.
inline std::string action_word(const rules::Rules& rules, const rules::Action& action) {
    return channel_word(rules.channels[static_cast<size_t>(action.channel)]) +
           (action.gift ? core::tr("+gift") : "");
}
// A channel named by its id for people: channel_word of the rules' channel, the id itself if unknown.
inline std::string channel_word(const rules::Rules& rules, const std::string& id) {
    const int index = rules.channel_index(id);
    return index < 0 ? id : channel_word(rules.channels[static_cast<size_t>(index)]);
}

// A state as JSON spells it ("open", "overdue", "done late", …) for people: itself in English, translated
// in Chinese. Every state word the views show is listed in words.cpp for the catalog.
std::string state_word(std::string_view state);

} // namespace keqing::output
