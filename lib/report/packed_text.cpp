// pack_text and unpack_text: greedy LZ77 with hash chains over the last 64 KB.
#include "report/packed_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace keqing::report {
namespace {

constexpr size_t kShortest = 4;               // a shorter match costs more than its literal bytes
constexpr size_t kLongest = kShortest + 0x7f; // what one reference's length byte holds
constexpr size_t kLiterals = 0x80;            // the longest run of literal bytes one byte announces
constexpr size_t kWindow = 0xffff;            // the farthest back a reference reaches
constexpr unsigned kHashBits = 15;
constexpr int kTries = 16; // earlier places with the same first four bytes, nearest first, that are tried
constexpr uint32_t kNowhere = UINT32_MAX;

uint32_t hash_at(std::string_view text, size_t at) {
    uint32_t v = 0;
    std::memcpy(&v, text.data() + at, sizeof v);
    return (v * 2654435761U) >> (32 - kHashBits);
}

} // namespace

std::string pack_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 2 + 16);
    std::vector<uint32_t> head(size_t{1} << kHashBits, kNowhere); // per hash: the latest place
    std::vector<uint32_t> before(kWindow + 1, kNowhere); // per place (mod 64 KB): the previous with its hash
    const auto insert = [&](size_t at) {
        const uint32_t h = hash_at(text, at);
        before[at & kWindow] = head[h];
        head[h] = static_cast<uint32_t>(at);
    };
    size_t written = 0; // text before this is in `out`
    const auto literals = [&](size_t until) {
        while (written < until) {
            const size_t n = std::min(kLiterals, until - written);
            out += static_cast<char>(n - 1);
            out.append(text.substr(written, n));
            written += n;
        }
    };
    size_t at = 0;
    while (at + kShortest <= text.size()) {
        size_t best = 0, distance = 0;
        const size_t limit = std::min(kLongest, text.size() - at);
        uint32_t from = head[hash_at(text, at)];
        for (int tries = 0; tries < kTries && from != kNowhere && at - from <= kWindow; ++tries) {
            size_t n = 0;
            while (n < limit && text[from + n] == text[at + n])
                ++n;
            if (n > best) {
                best = n;
                distance = at - from;
                if (n == limit) break;
            }
            const uint32_t next = before[from & kWindow];
            if (next == kNowhere || next >= from) break; // the chain ends, or its slot was reused
            from = next;
        }
        if (best < kShortest) {
            insert(at++);
            continue;
        }
        literals(at);
        out += static_cast<char>(0x80 | (best - kShortest));
        out += static_cast<char>(distance & 0xff);
        out += static_cast<char>(distance >> 8);
        for (size_t k = 0; k < best && at + k + kShortest <= text.size(); ++k)
            insert(at + k);
        at += best;
        written = at;
    }
    literals(text.size());
    out.shrink_to_fit();
    return out;
}

std::string unpack_text(std::string_view packed) {
    std::string out;
    for (size_t i = 0; i < packed.size();) {
        const auto b = static_cast<unsigned char>(packed[i++]);
        if (b < 0x80) {
            out.append(packed.substr(i, size_t{b} + 1));
            i += size_t{b} + 1;
            continue;
        }
        const size_t n = (b & 0x7fU) + kShortest;
        const size_t distance =
            static_cast<unsigned char>(packed[i]) | size_t{static_cast<unsigned char>(packed[i + 1])} << 8;
        i += 2;
        const size_t from = out.size() - distance;
        for (size_t k = 0; k < n; ++k) // byte by byte: a reference may overlap what it writes
            out += out[from + k];
    }
    return out;
}

} // namespace keqing::report
