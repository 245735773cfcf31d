# Runs one Cortex-M4F test image under QEMU and checks it.
#   cmake -DQEMU=<qemu-system-arm> -DELF=<image.elf> -DEXPECT=<regex> [-DMACHINE=mps2-an386]
#         [-DTIMEOUT=60] -P run_qemu_image.cmake
# Passes only if QEMU exits with status 0 (the image's semihosting exit code) and the UART
# output has a line matching EXPECT. QEMU is bounded by `timeout` (SIGTERM, then SIGKILL 5 s
# later), and its stdin is /dev/null, so it can never hang the test.
foreach(var QEMU ELF EXPECT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_qemu_image.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED MACHINE)
  set(MACHINE mps2-an386)
endif()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 60)
endif()
if(NOT EXISTS "${ELF}")
  message(FATAL_ERROR "FAIL: image not built: ${ELF}")
endif()
find_program(TIMEOUT_PROGRAM timeout REQUIRED)

set(command ${TIMEOUT_PROGRAM} -k 5 ${TIMEOUT}
    ${QEMU} -M ${MACHINE} -nographic -monitor none -serial stdio
    -semihosting-config enable=on,target=native -icount shift=0 -kernel ${ELF})
string(REPLACE ";" " " command_text "${command}")
message("run: ${command_text}")

math(EXPR hard_timeout "${TIMEOUT} + 15")
execute_process(COMMAND ${command}
  INPUT_FILE /dev/null
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE status
  TIMEOUT ${hard_timeout})

message("---- UART output ----\n${out}---- end ----")
if(NOT "${err}" STREQUAL "")
  message("---- qemu stderr ----\n${err}---- end ----")
endif()

set(failures "")
if(status STREQUAL "124" OR status STREQUAL "137")
  list(APPEND failures "timed out after ${TIMEOUT} s (status ${status})")
elseif(NOT status STREQUAL "0")
  list(APPEND failures "exit status ${status} (3 = fault, 4 = out of heap, 134 = QEMU abort)")
endif()
string(REPLACE "\r" "" out "${out}")
string(REGEX MATCH "(^|\n)${EXPECT}(\n|$)" matched "${out}")
if(matched STREQUAL "")
  list(APPEND failures "no output line matches '${EXPECT}'")
endif()

if(failures)
  string(REPLACE ";" "; " failures "${failures}")
  message(FATAL_ERROR "FAIL: ${failures}")
endif()
message("PASS: status 0 and a line matching '${EXPECT}'")
