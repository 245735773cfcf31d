#pragma once

// What a port's build sizes the firmware's RAM for. The host (the virtual board) has room for
// a 6-axis sensor; the Cortex-M4F images keep the default 3. The kernel's first-layer capacity
// is one too: 256 neurons by default (the virtual board, mps2-an386's 160 KiB), fewer on a
// board with less RAM (the Nucleo-F446RE's 128 KiB: devices/boards/nucleo-f446re).

#include <cstddef>
#include <cstdint>

#include "core/descriptor.h"

#ifndef DLM_FIRMWARE_MAX_CHANNELS
#define DLM_FIRMWARE_MAX_CHANNELS 3
#endif

namespace dlm::firmware {

/// \brief Most channels this build's FirmwareApp accepts (DLM_FIRMWARE_MAX_CHANNELS): the event
/// ring keeps EventDetectorCore::kMaxWindowFrames frames of each (5 KB a channel).
constexpr std::uint8_t kAppMaxChannels = DLM_FIRMWARE_MAX_CHANNELS;
static_assert(kAppMaxChannels >= 1 && kAppMaxChannels <= kMaxSensorChannels,
              "DLM_FIRMWARE_MAX_CHANNELS: 1 to dlm::kMaxSensorChannels");

#ifndef DLM_FIRMWARE_MAX_NEURONS
#define DLM_FIRMWARE_MAX_NEURONS 256
#endif

/// \brief First-layer neurons of this build's kernel (DLM_FIRMWARE_MAX_NEURONS): the bulk of
/// the network arena (about 450 B a neuron with compact metrics).
constexpr std::uint16_t kAppMaxNeurons = DLM_FIRMWARE_MAX_NEURONS;
static_assert(kAppMaxNeurons >= 8 && kAppMaxNeurons <= 1024,
              "DLM_FIRMWARE_MAX_NEURONS: 8 to 1024");

// The arena that capacity needs is measured, not derived: Network::arenaBytes() is a dry run of
// the kernel's own layout (core/network.cpp), which no constant expression can repeat without
// copying it. A build that changes DLM_FIRMWARE_MAX_NEURONS therefore also sets
// DLM_FIRMWARE_ARENA_BYTES; FirmwareApp::init() refuses a smaller arena and logs the need.
// 0: the default for 256 neurons (FirmwareApp::kArenaBytes).
#ifndef DLM_FIRMWARE_ARENA_BYTES
#define DLM_FIRMWARE_ARENA_BYTES 0
#endif

/// \brief This build's network arena in bytes, or 0 for FirmwareApp's 256-neuron default.
constexpr std::size_t kAppArenaBytes = DLM_FIRMWARE_ARENA_BYTES;
static_assert(kAppArenaBytes != 0 || kAppMaxNeurons == 256,
              "a build with DLM_FIRMWARE_MAX_NEURONS != 256 sets DLM_FIRMWARE_ARENA_BYTES");

// Work memory of the spectral front-end (core/spectral.h: FFT table, frame, band layout), for
// boards whose BoardDescription::frontEnd is spectral: SpectralFrontEnd::workBytes() of their
// config (5 984 B for soundSpectral()). 0, the default: this build runs the motion front-end
// only, and its RAM is what it was before issue 13.
#ifndef DLM_FIRMWARE_SPECTRAL_WORK_BYTES
#define DLM_FIRMWARE_SPECTRAL_WORK_BYTES 0
#endif

/// \brief Spectral work memory of this build (DLM_FIRMWARE_SPECTRAL_WORK_BYTES), 0: none.
constexpr std::size_t kAppSpectralWorkBytes = DLM_FIRMWARE_SPECTRAL_WORK_BYTES;

/// \brief Longest descriptor the app computes: with motion only, for any channel count it
/// accepts (58 up to 3 channels, 61 up to 6); with a spectral front-end, the kernel's 64 dims
/// (spectralFor() fits every preset in them). Each of the recent events it keeps holds one.
constexpr std::uint16_t kAppDescriptorDims =
    kAppSpectralWorkBytes != 0 ? static_cast<std::uint16_t>(kMaxDescriptorDims)
                               : static_cast<std::uint16_t>(longestDescriptor(kAppMaxChannels));

} // namespace dlm::firmware
