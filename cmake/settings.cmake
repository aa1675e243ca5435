# Shared compile settings and warnings (interface targets every keqing target links), and the
# sanitizer option: -DKEQING_SANITIZE=address;undefined.
add_library(keqing_settings INTERFACE)
target_compile_features(keqing_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

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
endif()
