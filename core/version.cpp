#include "core/version.h"

namespace dlm {

const char* coreVersion() { return DLM_CORE_VERSION_STRING; }

} // namespace dlm
