#pragma once

#include <QLoggingCategory>

namespace dlm::app {

/// \brief The logging category of the studio's fleet client: "dlm.app.fleet" (debug output
/// with QT_LOGGING_RULES="dlm.app.fleet.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcAppFleet)

} // namespace dlm::app
