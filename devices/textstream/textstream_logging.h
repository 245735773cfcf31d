#pragma once

#include <QLoggingCategory>

namespace dlm::textstream {

/// \brief The logging category of text boards: "dlm.textstream" (enable debug output with
/// QT_LOGGING_RULES="dlm.textstream.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcTextStream)

} // namespace dlm::textstream
