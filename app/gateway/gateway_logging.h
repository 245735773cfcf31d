#pragma once

#include <QLoggingCategory>

namespace dlm {
namespace gateway {

/// \brief The gateway's logging category: "dlm.gateway" (QT_LOGGING_RULES="dlm.gateway.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcGateway)

} // namespace gateway
} // namespace dlm
