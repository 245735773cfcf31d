#pragma once

/// \brief Version of the kernel, of its model format and of the wire protocol it speaks.
#define DLM_CORE_VERSION_STRING "0.1.0"

namespace dlm {

/// \brief The kernel version as "major.minor.patch".
const char* coreVersion();

} // namespace dlm
