# CMake toolchain file: bare-metal Arm Cortex-M4F (FPv4-SP, hard float) with the Arm GNU toolchain
# (Debian: gcc-arm-none-eabi, libnewlib-arm-none-eabi, libstdc++-arm-none-eabi-newlib).
#
#   cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<repo>/cmake/arm-none-eabi.cmake -S ... -B ...
#
# Images link against newlib-nano; the board support (devices/boards/<board>/) provides the
# startup code, the linker script and the syscall stubs.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(DLM_ARM_TOOLCHAIN_PREFIX "arm-none-eabi-" CACHE STRING "Prefix of the bare-metal Arm GNU tools")
find_program(DLM_ARM_GCC ${DLM_ARM_TOOLCHAIN_PREFIX}gcc REQUIRED)
find_program(DLM_ARM_GXX ${DLM_ARM_TOOLCHAIN_PREFIX}g++ REQUIRED)

set(CMAKE_C_COMPILER ${DLM_ARM_GCC})
set(CMAKE_CXX_COMPILER ${DLM_ARM_GXX})
set(CMAKE_ASM_COMPILER ${DLM_ARM_GCC})

# There is no way to link an executable without a board's startup code and linker script, so the
# compiler checks only build a static library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

find_program(CMAKE_OBJCOPY ${DLM_ARM_TOOLCHAIN_PREFIX}objcopy)
find_program(CMAKE_OBJDUMP ${DLM_ARM_TOOLCHAIN_PREFIX}objdump)
find_program(CMAKE_SIZE ${DLM_ARM_TOOLCHAIN_PREFIX}size)

set(DLM_M4F_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard")

set(CMAKE_C_FLAGS_INIT   "${DLM_M4F_CPU_FLAGS} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${DLM_M4F_CPU_FLAGS} -ffunction-sections -fdata-sections -fno-exceptions -fno-rtti")
set(CMAKE_ASM_FLAGS_INIT "${DLM_M4F_CPU_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${DLM_M4F_CPU_FLAGS} -Wl,--gc-sections --specs=nano.specs")

# Size matters more than speed on the MCU: Release means -Os here. These are cache entries,
# not *_INIT variables, because CMake appends its own "-O3 -DNDEBUG" to CMAKE_<LANG>_FLAGS_RELEASE_INIT
# for GCC (and the last -O wins).
foreach(lang C CXX ASM)
  set(CMAKE_${lang}_FLAGS_RELEASE        "-Os -DNDEBUG"    CACHE STRING "Release flags (Cortex-M4F)")
  set(CMAKE_${lang}_FLAGS_MINSIZEREL     "-Os -DNDEBUG"    CACHE STRING "MinSizeRel flags (Cortex-M4F)")
  set(CMAKE_${lang}_FLAGS_RELWITHDEBINFO "-Os -g -DNDEBUG" CACHE STRING "RelWithDebInfo flags (Cortex-M4F)")
  set(CMAKE_${lang}_FLAGS_DEBUG          "-Og -g"          CACHE STRING "Debug flags (Cortex-M4F)")
endforeach()

# Never pick up host libraries or headers; programs (cmake, python, ...) come from the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
