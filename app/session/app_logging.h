#pragma once

#include <QLoggingCategory>

namespace dlm::app {

/// \brief The logging category of the studio's application layer: "dlm.app" (enable debug
/// output with QT_LOGGING_RULES="dlm.app.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace dlm::app
