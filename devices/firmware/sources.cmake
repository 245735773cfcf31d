# Sources of dlm_firmware (the board-independent firmware application and its event trigger),
# as absolute paths, so that the Cortex-M4F cross project compiles the same files:
#   include(<repo>/devices/firmware/sources.cmake)    # DLM_FIRMWARE_SOURCES
# The firmware also needs the kernel with core/protocol (DLM_CORE_SOURCES) and, on boards
# without a real sensor, the simulator (devices/simulator/sources.cmake).
set(DLM_FIRMWARE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/event_detector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/firmware_app.cpp
  ${CMAKE_CURRENT_LIST_DIR}/firmware_commands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/model_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tx_queue.cpp)
