// Display width of UTF-8 text after Unicode's East Asian Width property (wide and fullwidth ranges), so
// tables of Chinese pharmacy names line up in a terminal; strict UTF-8 decoding finds what a one-line
// value must not hold, and cells are made printable and cut to a width.
#include "core/text.hpp"

#include "core/i18n.hpp"

#include <cctype>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace keqing::core {
namespace {

// One decoded character: its code point and byte length; `valid` is false for a byte that starts no
// well-formed UTF-8 sequence (stray continuation, overlong form, surrogate, beyond U+10FFFF, cut short),
// which then counts as one byte decoding to U+FFFD.
struct Decoded {
    char32_t cp;
    size_t len;
    bool valid;
};

Decoded decode(std::string_view text, size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return {b0, 1, true};
    const size_t len = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return {0xFFFD, 1, false};
    char32_t cp = len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
    return {cp, len, true};
}

// C0 controls, DEL, C1 controls, and the line and paragraph separators: nothing a one-line value holds.
bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

std::string control_name(char32_t c) {
    // clang-format off
    static constexpr std::array<const char*, 0x20> kC0 = {
        "NUL", "start of heading", "start of text", "end of text", "end of transmission", "enquiry",
        "acknowledge", "bell", "backspace", "TAB", "line feed", "vertical tab", "form feed", "carriage return",
        "shift out", "shift in", "data link escape", "device control 1", "device control 2", "device control 3",
        "device control 4", "negative acknowledge", "synchronous idle", "end of block", "cancel", "end of medium",
        "substitute", "escape", "file separator", "group separator", "record separator", "unit separator"
    };
    // clang-format on
    const char* name = c < 0x20      ? kC0[c]
                       : c == 0x7F   ? "delete"
                       : c == 0x2028 ? "line separator"
                       : c == 0x2029 ? "paragraph separator"
                                     : "C1 control";
    if (c == 0x2028 || c == 0x2029)
        return core::trf("a separator (U+{:04X} {})", static_cast<uint32_t>(c), name);
    return core::trf("a control character (U+{:04X} {})", static_cast<uint32_t>(c), name);
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace

bool is_valid_utf8(std::string_view text) {
    return first_invalid_utf8(text) == std::string_view::npos;
}

size_t first_invalid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        // Eight ASCII bytes at a time (most of an import's file: codes, dates, commas), then one character.
        uint64_t word = 0;
        while (i + sizeof word <= text.size() &&
               (std::memcpy(&word, text.data() + i, sizeof word), (word & 0x8080808080808080ull) == 0))
            i += sizeof word;
        if (i == text.size()) break;
        const Decoded d = decode(text, i);
        if (!d.valid) return i;
        i += d.len;
    }
    return std::string_view::npos;
}

int display_width(std::string_view text) {
    int width = 0;
    for (size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { // ASCII: one column
            ++width;
            ++i;
            continue;
        }
        const Decoded d = decode(text, i);
        i += d.len;
        width += is_zero_width(d.cp) ? 0 : is_wide(d.cp) ? 2 : 1;
    }
    return width;
}

std::string pad_right(std::string_view text, int width) {
    std::string out(text);
    out.append(static_cast<size_t>(std::max(0, width - display_width(text))), ' ');
    return out;
}

std::string pad_left(std::string_view text, int width) {
    std::string out(static_cast<size_t>(std::max(0, width - display_width(text))), ' ');
    out.append(text);
    return out;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string to_upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string TextFault::describe() const {
    return core::trf("{} at character {} (byte {})", what, character, byte);
}

std::optional<TextFault> find_text_fault(std::string_view text) {
    size_t character = 0;
    for (size_t i = 0; i < text.size();) {
        ++character;
        const Decoded d = decode(text, i);
        if (!d.valid)
            return TextFault{
                i + 1, character,
                core::trf("an invalid UTF-8 byte (0x{:02X})", static_cast<unsigned char>(text[i]))};
        if (is_control(d.cp)) return TextFault{i + 1, character, control_name(d.cp)};
        i += d.len;
    }
    return std::nullopt;
}

size_t count_characters(std::string_view text) {
    size_t n = 0;
    for (size_t i = 0; i < text.size(); ++n)
        i += decode(text, i).len;
    return n;
}

std::string printable(std::string_view text) {
    if (!find_text_fault(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        if (d.valid && !is_control(d.cp))
            out.append(text, i, d.len);
        else if (d.valid && d.cp < 0x20)
            append_utf8(out, 0x2400 + d.cp); // ␀ … ␟
        else if (d.valid && d.cp == 0x7F)
            append_utf8(out, 0x2421); // ␡
        else
            append_utf8(out, 0xFFFD);
        i += d.len;
    }
    return out;
}

std::string fit(std::string_view text, int width) {
    width = std::max(width, 1);
    const std::string shown = printable(text);
    if (display_width(shown) <= width) return shown;
    std::string out;
    int used = 0;
    for (size_t i = 0; i < shown.size();) {
        const Decoded d = decode(shown, i);
        const int w = is_zero_width(d.cp) ? 0 : is_wide(d.cp) ? 2 : 1;
        if (used + w > width - 1) break; // one column stays for the ellipsis
        out.append(shown, i, d.len);
        used += w;
        i += d.len;
    }
    return out + "…";
}

std::vector<std::string> wrap(std::string_view text, int width) {
    width = std::max(width, 1);
    const std::string shown = printable(text);
    std::vector<std::string> lines;
    std::string line;
    int used = 0;
    size_t space = std::string::npos; // where `line` may break: after its last space
    int after_space = 0;              // the width of what follows that space
    auto push = [&](std::string piece) {
        while (!piece.empty() && piece.back() == ' ')
            piece.pop_back();
        lines.push_back(std::move(piece));
    };
    for (size_t i = 0; i < shown.size();) {
        const Decoded d = decode(shown, i);
        const int w = is_zero_width(d.cp) ? 0 : is_wide(d.cp) ? 2 : 1;
        while (used + w > width && !line.empty()) {
            if (d.cp == ' ') { // the line ends at this space: the break it needed
                push(std::move(line));
                line.clear();
                used = 0;
            } else if (space != std::string::npos && space > 0) { // the last word moves to the next line
                std::string rest = line.substr(space);
                line.resize(space);
                push(std::move(line));
                line = std::move(rest);
                used = after_space;
            } else {
                push(std::move(line));
                line.clear();
                used = 0;
            }
            space = std::string::npos;
            after_space = 0;
        }
        if (d.cp == ' ' && line.empty() && !lines.empty()) { // no space opens a continuation line
            i += d.len;
            continue;
        }
        line.append(shown, i, d.len);
        used += w;
        after_space += w;
        if (d.cp == ' ') {
            space = line.size();
            after_space = 0;
        }
        i += d.len;
    }
    if (!line.empty() || lines.empty()) push(std::move(line));
    return lines;
}

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : std::string(separator)) + items[i];
    return out;
}

} // namespace keqing::core
