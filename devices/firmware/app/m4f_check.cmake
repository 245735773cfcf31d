# Cross-compiles dlm_firmware_app's sources for the Cortex-M4F with the lean kernel
# (DLM_CORE_REBUILD=0), warnings as errors, and prints `arm-none-eabi-size` of the objects.
# Script mode:  cmake [-DGXX=arm-none-eabi-g++] [-DOUT=<dir>] -P devices/firmware/app/m4f_check.cmake
cmake_minimum_required(VERSION 3.25)
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/sources.cmake)
if(NOT GXX)
  find_program(GXX arm-none-eabi-g++ REQUIRED)
endif()
get_filename_component(_bin "${GXX}" DIRECTORY)
find_program(SIZE arm-none-eabi-size HINTS ${_bin} REQUIRED)
if(NOT OUT)
  set(OUT ${CMAKE_CURRENT_BINARY_DIR}/m4f_app_check)
endif()
file(MAKE_DIRECTORY ${OUT})

set(_flags -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard -fno-exceptions -fno-rtti
    -Os -std=c++17 -DDLM_CORE_REBUILD=0 -DEIGEN_NO_MALLOC -Wall -Wextra -Wpedantic -Wconversion
    -Wshadow -Wold-style-cast -Wcast-align -Wdouble-promotion -Wnon-virtual-dtor -Werror
    -I${_root} -isystem /usr/include/eigen3)
set(_objects)
foreach(src ${DLM_FIRMWARE_APP_SOURCES})
  get_filename_component(_name ${src} NAME_WE)
  set(_obj ${OUT}/${_name}.o)
  execute_process(COMMAND ${GXX} ${_flags} -c ${src} -o ${_obj}
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0 OR NOT _err STREQUAL "")
    message(FATAL_ERROR "M4F compile of ${src} failed or warned:\n${_out}${_err}")
  endif()
  list(APPEND _objects ${_obj})
endforeach()
execute_process(COMMAND ${SIZE} --format=berkeley ${_objects} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "arm-none-eabi-size failed")
endif()
