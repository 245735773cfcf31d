# Cross-compiles a list of firmware sources for the Cortex-M4F with the lean kernel
# (DLM_CORE_REBUILD=0), warnings as errors (any diagnostic fails), and prints
# `arm-none-eabi-size` of the objects. Script mode:
#   cmake -DSOURCES_FILE=<sources.cmake> -DSOURCES_VAR=<list variable it sets>
#         [-DGXX=arm-none-eabi-g++] [-DOUT=<dir>] -P cmake/m4f_compile_check.cmake
cmake_minimum_required(VERSION 3.25)
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
if(NOT SOURCES_FILE OR NOT SOURCES_VAR)
  message(FATAL_ERROR "m4f_compile_check: SOURCES_FILE and SOURCES_VAR are required")
endif()
include(${SOURCES_FILE})
if(NOT GXX)
  find_program(GXX arm-none-eabi-g++ REQUIRED)
endif()
get_filename_component(_bin "${GXX}" DIRECTORY)
find_program(SIZE arm-none-eabi-size HINTS ${_bin} REQUIRED)
if(NOT OUT)
  set(OUT ${CMAKE_CURRENT_BINARY_DIR}/m4f_check)
endif()
file(MAKE_DIRECTORY ${OUT})

set(_flags -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard -fno-exceptions -fno-rtti
    -Os -std=c++17 -DDLM_CORE_REBUILD=0 -DEIGEN_NO_MALLOC -Wall -Wextra -Wpedantic -Wconversion
    -Wshadow -Wold-style-cast -Wcast-align -Wdouble-promotion -Wnon-virtual-dtor -Werror
    -I${_root} -isystem /usr/include/eigen3)
set(_objects)
foreach(src ${${SOURCES_VAR}})
  get_filename_component(_name ${src} NAME_WE)
  set(_obj ${OUT}/${_name}.o)
  execute_process(COMMAND ${GXX} ${_flags} -c ${src} -o ${_obj}
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0 OR NOT _err STREQUAL "")
    message(FATAL_ERROR "M4F compile of ${src} failed or warned:\n${_out}${_err}")
  endif()
  list(APPEND _objects ${_obj})
endforeach()
if(NOT _objects)
  message(FATAL_ERROR "m4f_compile_check: ${SOURCES_VAR} is empty")
endif()
execute_process(COMMAND ${SIZE} --format=berkeley ${_objects} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "arm-none-eabi-size failed")
endif()
