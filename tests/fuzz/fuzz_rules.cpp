// libFuzzer target: the rules TOML loader (rules::parse_rules): any text either loads into rules that
// hold the loader's promises or is refused with a `source:` error.
#include "rules/rules.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto rules = keqing::rules::parse_rules(text, "fuzz.toml");
    if (!rules) {
        if (rules.error().message.rfind("fuzz.toml", 0) != 0) std::abort();
        return 0;
    }
    if (rules->channels.empty() || rules->tiers.empty() || rules->quota_channels().empty()) std::abort();
    if (rules->late_after_days < 0 || rules->late_after_days > 365) std::abort();
    for (size_t i = 0; i < rules->channels.size(); ++i)
        if (rules->channel_index(rules->channels[i].id) != static_cast<int>(i)) std::abort();
    for (const auto& tier : rules->tiers) {
        if (tier.quota.size() != rules->channels.size() || rules->tier(tier.id) == nullptr) std::abort();
        for (int q : tier.quota)
            if (q < 0) std::abort();
    }
    return 0;
}
