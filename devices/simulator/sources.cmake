# Sources of dlm_simulator (the synthetic 3-axis motion sensor of the virtual and emulated
# boards, and the synthetic rotating machine of the vibration demo),
# as absolute paths for the Cortex-M4F cross project:
#   include(<repo>/devices/simulator/sources.cmake)   # DLM_SIMULATOR_SOURCES
set(DLM_SIMULATOR_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/motion_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clocked_motion_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vibration_source.cpp)
