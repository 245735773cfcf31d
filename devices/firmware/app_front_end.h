#pragma once

// The front-end the firmware application runs, sized by the build: a motion-only build
// (DLM_FIRMWARE_SPECTRAL_WORK_BYTES = 0, the Cortex-M4F images) holds and links no spectral
// state or code; a build with spectral work memory runs either front-end.

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "core/front_end.h"
#include "devices/firmware/firmware_limits.h"

namespace dlm::firmware {

/// \brief The motion front-end alone: 12 bytes of state, no spectral code linked.
class MotionOnlyFrontEnd {
public:
  /// \brief NotSupported for any front-end but motion.
  Status init(const FrontEndConfig& config) {
    if (config.kind != FrontEndKind::Motion) return Status::NotSupported;
    m_config = config.motion;
    return Status::Ok;
  }
  Status compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                 std::size_t outCapacity) {
    return computeDescriptor(m_config, samples, frames, out, outCapacity);
  }

private:
  DescriptorConfig m_config;
};

/// \brief Either front-end, with the build's spectral work memory inside.
class AnyFrontEnd {
public:
  Status init(const FrontEndConfig& config) { return m_runner.init(config, m_work, sizeof m_work); }
  Status compute(const std::int16_t* samples, std::uint32_t frames, float* out,
                 std::size_t outCapacity) {
    return m_runner.compute(samples, frames, out, outCapacity);
  }

private:
  EventFrontEnd m_runner;
  alignas(16) std::uint8_t m_work[kAppSpectralWorkBytes != 0 ? kAppSpectralWorkBytes : 1] = {};
};

/// \brief What this build's FirmwareApp holds.
using AppFrontEnd =
    std::conditional_t<kAppSpectralWorkBytes != 0, AnyFrontEnd, MotionOnlyFrontEnd>;

} // namespace dlm::firmware
