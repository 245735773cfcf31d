// The spectral front-end: an event window of int16 samples -> framed real FFTs -> log band
// energies, time-normalised, as the model was learned on. ExportName_spectral.cpp and
// ExportName_real_fft.cpp are the kernel's own sources (core/), shipped unchanged but for
// their namespace.
#include "ExportName.h"
#include "ExportName_frontend_config.h"

namespace ExportName {

namespace {

constexpr core::SpectralConfig kConfig = frontEndConfig();
static_assert(kConfig.dims() == kDims, "the front-end makes the model's descriptors");

// The FFT table, band layout and accumulators: static memory (no heap), set up on the first
// event. Not reentrant: one event at a time (from one thread, or not from an interrupt).
alignas(8) unsigned char work[kFrontEndWorkBytes];
core::SpectralFrontEnd frontEnd;

} // namespace

bool computeDescriptor(const std::int16_t* samples, std::uint32_t frames, float* out,
                       std::size_t outCapacity) {
  if (!frontEnd.ready() && frontEnd.init(kConfig, work, sizeof work) != core::Status::Ok) {
    return false;
  }
  return frontEnd.compute(samples, frames, out, outCapacity) == core::Status::Ok;
}

} // namespace ExportName
