#pragma once

#include <QLoggingCategory>

namespace dlm::app {

/// \brief The logging category of firmware flashing: "dlm.flash" (every line the probe tool
/// prints is logged at debug level: QT_LOGGING_RULES="dlm.flash.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcFlash)

} // namespace dlm::app
