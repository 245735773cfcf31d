# Coverage-guided fuzzing (tests/fuzz, docs/security.md). DLM_FUZZ=ON builds every library of
# the tree with clang's libFuzzer instrumentation, AddressSanitizer and UBSan, and the fuzz
# targets as libFuzzer executables; it needs clang (Debian: clang, libclang-rt-14-dev):
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DDLM_FUZZ=ON -DDLM_BUILD_M4F=OFF
# Any undefined behaviour aborts (no recovery), so the fuzzer counts it as a crash; assertions
# stay on whatever the build type.
# Without DLM_FUZZ the same targets are built with a plain replay driver (replay_main.cpp), so
# every build replays the corpora and regressions as ordinary tests.
option(DLM_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(DLM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DLM_FUZZ=ON needs clang: configure with CC=clang CXX=clang++ "
                        "(Debian packages clang and libclang-rt-14-dev).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -UNDEBUG)
  add_link_options(-fsanitize=address,undefined)
  # Two of clang's warnings go further than gcc's: -Woverloaded-virtual also flags a method
  # hiding a QObject virtual of another signature (Session::event(int)), and -Wpedantic Qt's
  # logging macros called without a message argument. The gcc builds keep every warning as an
  # error; this build is for fuzzing only.
  target_compile_options(dlm_warnings INTERFACE -Wno-overloaded-virtual
                         -Wno-gnu-zero-variadic-macro-arguments)
endif()
