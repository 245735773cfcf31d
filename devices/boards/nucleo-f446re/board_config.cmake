# The Nucleo-F446RE build's sizes, in one place: the cross build (CMakeLists.txt) compiles the
# image with them and the host tests (tests/devices/CMakeLists.txt) check the board against
# them.
#
# Capacity: 128 first-layer neurons (plus 3 correction layers of 4, 12 classes, 64 dims), the
# largest power of two whose RAM (network arena + the app's fixed buffers + stack) stays within
# 112 KiB of the 128 KiB SRAM (docs/benchmarks.md, "Nucleo-F446RE image").
set(DLM_NUCLEO_MAX_NEURONS 128)
# Network::arenaBytes() of that capacity with the lean kernel's compact metrics, as
# FirmwareApp::init() measures it on the board (it logs the need if this is too small; the
# image then answers no handshake, which test_nucleo_firmware_qemu catches).
set(DLM_NUCLEO_ARENA_BYTES 65152)
# A flash model slot: the largest model the app can load at that capacity (128 + 3 x 4
# neurons, 58 dims, 12 classes, known-set scales) plus ModelStore's 32-byte header. One
# 128 KiB sector each (sectors 6 and 7). test_nucleo_firmware_qemu recomputes the model size
# with the host kernel.
set(DLM_NUCLEO_SLOT_BYTES 77824)
# Limits of the size test (nucleo_size): text <= 64 KiB, RAM (.data + .bss + heap + stack)
# <= 112 KiB.
set(DLM_NUCLEO_MAX_TEXT 65536)
set(DLM_NUCLEO_MAX_RAM 114688)
