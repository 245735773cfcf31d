// The motion front-end: an event window of int16 samples -> the time-normalised motion
// descriptor the model was learned on. ExportName_descriptor.cpp is the kernel's own
// front-end source (core/descriptor.cpp), shipped unchanged but for its namespace.
#include "ExportName.h"
#include "ExportName_descriptor.h"

namespace ExportName {

bool computeDescriptor(const std::int16_t* samples, std::uint32_t frames, float* out,
                       std::size_t outCapacity) {
  // The board's rule: the channel count decides the bins (descriptorFor), and the model's
  // length must be what that rule gives.
  const core::DescriptorConfig config = core::descriptorFor(kChannels);
  if (config.channels == 0 || config.dims() != kDims || outCapacity < std::size_t(kDims)) {
    return false;
  }
  return core::computeDescriptor(config, samples, frames, out, outCapacity) == core::Status::Ok;
}

} // namespace ExportName
