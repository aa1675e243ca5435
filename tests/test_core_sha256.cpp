// Tests for core/sha256: the FIPS 180-4 examples and lengths around the padding's block boundary,
// checked against the sha256sum of coreutils.
#include "core/sha256.hpp"
#include "support.hpp"

#include <cstdio>
#include <string>

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_sha256 {

using namespace keqing;

TEST_SUITE("core::sha256") {
    TEST_CASE("the standard's examples") {
        CHECK(core::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(core::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(core::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(core::sha256_hex(std::string(1000000, 'a')) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    TEST_CASE("every length around a block's end agrees with sha256sum") {
        for (size_t n : {54u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u}) {
            CAPTURE(n);
            std::string text;
            for (size_t i = 0; i < n; ++i)
                text += static_cast<char>('a' + i % 26);
            std::string command = "printf '%s' '" + text + "' | sha256sum";
            std::FILE* pipe = popen(command.c_str(), "r");
            REQUIRE(pipe);
            char buffer[65] = {};
            REQUIRE(std::fread(buffer, 1, 64, pipe) == 64);
            pclose(pipe);
            CHECK(core::sha256_hex(text) == std::string(buffer, 64));
        }
    }
}

} // namespace unit_core_sha256
