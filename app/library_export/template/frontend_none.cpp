// No front-end: this model's descriptor is not one a front-end of the kernel computes (a
// table of features, for instance), so the caller computes it and calls predict().
#include "ExportName.h"

namespace ExportName {

bool computeDescriptor(const std::int16_t*, std::uint32_t, float*, std::size_t) {
  return false;
}

} // namespace ExportName
