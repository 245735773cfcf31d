#pragma once

#include <QLoggingCategory>

namespace dlm {
namespace fleet {

/// \brief The logging category of the fleet (broker client, gateway): "dlm.fleet" (debug output
/// with QT_LOGGING_RULES="dlm.fleet.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcFleet)

} // namespace fleet
} // namespace dlm
