# Shared compile settings and warnings (interface targets every keqing target links), and the
# sanitizer option: -DKEQING_SANITIZE=address;undefined, and the fuzzing option -DKEQING_FUZZ=ON.
add_library(keqing_settings INTERFACE)
target_compile_features(keqing_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

# Unity builds (the library in batches, each tool as one file) take a third less time; the sanitizer build
# (make test-sanitize, in CI) turns them off, so every file is still compiled on its own and an include
# missing from one file cannot hide behind another's.
option(KEQING_UNITY "Compile the library and the tools as unity builds" ON)

add_library(keqing_warnings INTERFACE)
target_compile_options(keqing_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
option(KEQING_WERROR "Treat warnings as errors (dev and CI)" OFF)
if(KEQING_WERROR)
  target_compile_options(keqing_warnings INTERFACE -Werror)
endif()

set(KEQING_SANITIZE "" CACHE STRING "Sanitizers to enable, e.g. address;undefined")
if(KEQING_SANITIZE)
  list(JOIN KEQING_SANITIZE "," _keqing_san)
  target_compile_options(keqing_settings INTERFACE -fsanitize=${_keqing_san} -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(keqing_settings INTERFACE -fsanitize=${_keqing_san})
  # Executables without PIE: the instrumented program carries about 1.7 million pointers (UBSan's check
  # data, ASan's globals) that the loader would relocate page by page at every start — 17,000 page faults,
  # 0.39 s instead of 0.20 s per process here, and the end-to-end suites start thousands of processes.
  if(NOT KEQING_FUZZ)
    target_link_options(keqing_settings INTERFACE -no-pie)
  endif()
  # GCC's -Wmaybe-uninitialized gives false positives inside libstdc++ (std::regex's std::function) once
  # ASan's instrumentation changes what is inlined; the ordinary build keeps the warning, as an error in CI.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(keqing_warnings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

# libstdc++ and libgcc linked into each executable: with fmt and toml++ compiled in from their headers
# (CMakeLists.txt) the dynamic loader has only libc, SQLite and zlib left to map and relocate, about a
# millisecond less for every command (docs/PERFORMANCE.md "Start-up without a C++ library to load").
# Not with the sanitizers or the fuzzer, whose runtimes expect the shared libstdc++.
option(KEQING_STATIC_RUNTIME "Link libstdc++ and libgcc statically into the executables" ON)

# -DKEQING_FUZZ=ON builds the libFuzzer targets of tests/fuzz/ (clang only): everything is compiled with
# coverage instrumentation for the fuzzer; combine with KEQING_SANITIZE=address;undefined.
option(KEQING_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(KEQING_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KEQING_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(keqing_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()

if(KEQING_STATIC_RUNTIME AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT KEQING_SANITIZE AND NOT KEQING_FUZZ)
  set(KEQING_STATIC_CXX ON)
  target_link_options(keqing_settings INTERFACE -static-libstdc++ -static-libgcc)
endif()
