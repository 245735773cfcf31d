#include "devices/fleet/fleet_logging.h"

namespace dlm {
namespace fleet {

Q_LOGGING_CATEGORY(lcFleet, "dlm.fleet", QtInfoMsg)

} // namespace fleet
} // namespace dlm
