#pragma once

// What a port's build sizes the firmware's RAM for. The host (the virtual board) has room for
// a 6-axis sensor; the Cortex-M4F image keeps the default 3, which fits its 160 KiB.

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

/// \brief Longest descriptor the app computes for any channel count it accepts: 58 up to 3
/// channels, 61 up to 6; each of the recent events it keeps holds one.
constexpr std::uint16_t kAppDescriptorDims =
    static_cast<std::uint16_t>(longestDescriptor(kAppMaxChannels));

} // namespace dlm::firmware
