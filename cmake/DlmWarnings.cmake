# Project code is built with warnings as errors; third-party headers (Eigen, Qt) are SYSTEM
# includes so their warnings never fail our build.
option(DLM_WERROR "Treat warnings in project code as errors" ON)

add_library(dlm_warnings INTERFACE)
target_compile_options(dlm_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference
  $<$<BOOL:${DLM_WERROR}>:-Werror>)

# Applied to every target in core/: the kernel must build without exceptions or RTTI,
# exactly as it does for the Cortex-M4F firmware.
add_library(dlm_core_flags INTERFACE)
target_compile_options(dlm_core_flags INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti>)
