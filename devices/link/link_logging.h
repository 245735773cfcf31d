#pragma once

#include <QLoggingCategory>

namespace dlm {
namespace link {

/// \brief The logging category of the board link: "dlm.link" (enable debug output with
/// QT_LOGGING_RULES="dlm.link.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcLink)

} // namespace link
} // namespace dlm
