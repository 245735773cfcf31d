# Sources of dlm_firmware_app (the board-independent firmware application), as absolute paths,
# so that the Cortex-M4F cross project can compile the same files:
#   include(<repo>/devices/firmware/sources.cmake)       # DLM_FIRMWARE_SIGNAL_SOURCES
#   include(<repo>/devices/firmware/app/sources.cmake)   # DLM_FIRMWARE_APP_SOURCES
# The app also needs the kernel with core/protocol (DLM_CORE_SOURCES, core/protocol/*.cpp).
set(DLM_FIRMWARE_APP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/clocked_motion_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/firmware_app.cpp
  ${CMAKE_CURRENT_LIST_DIR}/firmware_commands.cpp
  ${CMAKE_CURRENT_LIST_DIR}/model_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tx_queue.cpp)
