#include "devices/link/transport.h"

namespace dlm {
namespace link {

// Out of line so the vtable and moc output have a single home.
Transport::~Transport() = default;

} // namespace link
} // namespace dlm
