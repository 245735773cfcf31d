// The motion front-end: an event window of int16 samples -> the time-normalised motion
// descriptor the model was learned on. ExportName_descriptor.cpp is the kernel's own
// front-end source (core/descriptor.cpp), shipped unchanged but for its namespace.
#include "ExportName.h"
#include "ExportName_frontend_config.h"

namespace ExportName {

namespace {

constexpr core::DescriptorConfig kConfig = frontEndConfig();
static_assert(kConfig.dims() == kDims, "the front-end makes the model's descriptors");

} // namespace

bool computeDescriptor(const std::int16_t* samples, std::uint32_t frames, float* out,
                       std::size_t outCapacity) {
  return core::computeDescriptor(kConfig, samples, frames, out, outCapacity) == core::Status::Ok;
}

} // namespace ExportName
