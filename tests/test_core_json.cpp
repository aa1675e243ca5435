// Tests for core/json: escaping and nesting.
#include "core/json.hpp"
#include "support.hpp"

// Each file in its own namespace: the suite compiles as a unity build (tests/CMakeLists.txt).
namespace unit_core_json {

using namespace keqing;

TEST_SUITE("core::json") {
    TEST_CASE("strings are escaped") {
        CHECK(core::json_quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
        CHECK(core::json_quote("\x01") == "\"\\u0001\"");
        CHECK(core::json_quote("康泰") == "\"康泰\"");
    }

    TEST_CASE("nested objects and arrays") {
        core::JsonWriter j;
        j.begin_object()
            .key("n")
            .value(3)
            .key("list")
            .begin_array()
            .value(0.5)
            .value(true)
            .null()
            .end_array();
        j.key("empty").begin_object().end_object().end_object();
        CHECK(j.str() ==
              "{\n  \"n\": 3,\n  \"list\": [\n    0.5,\n    true,\n    null\n  ],\n  \"empty\": {}\n}\n");
    }

    TEST_CASE("each element of an array is one line: records are written inline") {
        core::JsonWriter j;
        j.begin_object().key("rows").begin_array();
        j.begin_object()
            .key("code")
            .value("HZ001")
            .key("tags")
            .begin_array()
            .value("a\tb")
            .value(2)
            .end_array();
        j.key("more").begin_object().key("x").null().end_object().end_object();
        j.begin_object().end_object().begin_array().end_array().end_array().end_object();
        CHECK(j.str() == "{\n  \"rows\": [\n    {\"code\": \"HZ001\", \"tags\": [\"a\\tb\", 2], \"more\": "
                         "{\"x\": null}},\n"
                         "    {},\n    []\n  ]\n}\n");
    }
}

} // namespace unit_core_json
