# Sources of dlm_firmware_signal (synthetic motion source and event trigger), as absolute paths,
# so that other builds (the Cortex-M4F cross project) can compile the same files:
#   include(<repo>/devices/firmware/sources.cmake)
set(DLM_FIRMWARE_SIGNAL_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/motion_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_detector.cpp)
