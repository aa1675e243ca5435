// toml++ as keqing compiles it in (from its headers: keqing_toml in CMakeLists.txt), with its internal
// assertions off as in Debian's release-built shared library, which keqing linked before: a debug or
// fuzzing build then reports a malformed file as the release build does instead of aborting inside toml++.
#pragma once

#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_cast<void>(0)
#endif
#include <toml++/toml.h>
